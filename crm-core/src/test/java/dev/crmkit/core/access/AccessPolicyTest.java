package dev.crmkit.core.access;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.crmkit.core.access.Permission.DELETE;
import static dev.crmkit.core.access.Permission.EDIT;
import static dev.crmkit.core.access.Permission.VIEW;
import static dev.crmkit.core.kernel.RecordType.CONTACT;
import static dev.crmkit.core.kernel.RecordType.LEAD;
import static dev.crmkit.core.kernel.RecordType.TASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per rule of the {@link AccessPolicy}, on a small sales organization: sales (with EMEA and, below EMEA,
 * DACH), support; roles director, manager reporting to director, rep reporting to manager, agent.
 */
class AccessPolicyTest {

    private static final Role DIRECTOR = Role.builder("director", "Director")
            .scope(LEAD, Scope.OWN, VIEW, EDIT).admin(AdminPermission.STATISTICS).build();
    private static final Role MANAGER = Role.builder("manager", "Manager").reportsTo("director")
            .scope(LEAD, Scope.TEAM, VIEW, EDIT).scope(LEAD, Scope.OWN, DELETE).build();
    private static final Role REP = Role.builder("rep", "Rep").reportsTo("manager")
            .scope(LEAD, Scope.OWN, VIEW, EDIT).field(LEAD, "request", FieldAccess.HIDDEN)
            .field(LEAD, "customFields.margin", FieldAccess.READ).build();
    private static final Role AGENT = Role.builder("agent", "Agent").scope(CONTACT, Scope.EVERYTHING, VIEW).build();

    private final Organization org = Organization.of(List.of(
                    User.of("dora", "sales", "director"),
                    User.of("max", "emea", "manager"),
                    User.of("rita", "dach", "rep"),
                    User.of("ron", "emea", "rep"),
                    User.of("sam", "support", "agent").withEmail("Sam@Example.com"),
                    new User(UserId.of("nomad"), "Nomad", Optional.empty(), Optional.empty(), RoleId.of("rep"))),
            List.of(Team.of("sales", "Sales"), Team.below("emea", "EMEA", "sales"), Team.below("dach", "DACH", "emea"),
                    Team.of("support", "Support")),
            List.of(DIRECTOR, MANAGER, REP, AGENT), Map.of());
    private final AccessPolicy policy = AccessPolicy.of(org);

    private static AccessRecord lead(String owner) {
        return new AccessRecord(new RecordRef(LEAD, UUID.nameUUIDFromBytes(owner.getBytes())),
                owner.isEmpty() ? Optional.empty() : Optional.of(UserId.of(owner)));
    }

    private AccessDecision decide(String user, Permission p, AccessRecord r, Share... shares) {
        return policy.decide(Actor.user(user), p, r, List.of(shares));
    }

    private static Grant.Rule onlyRule(AccessDecision d) {
        AccessDecision.Allowed allowed = assertInstanceOf(AccessDecision.Allowed.class, d, d.explain());
        return allowed.grants().get(0).rule();
    }

    @Test
    void ownScope_grantsTheOwner_andRefusesAPeer() {
        assertEquals(Grant.Rule.OWNER, onlyRule(decide("ron", VIEW, lead("ron"))));
        assertFalse(decide("ron", VIEW, lead("rita")).allowed(), "reps in the same team do not see each other's");
    }

    @Test
    void roleHierarchy_grantsManagersAtAnyDepth_theirReportsRecords() {
        AccessDecision d = decide("dora", EDIT, lead("rita"));
        assertEquals(Grant.Rule.ROLE_HIERARCHY, onlyRule(d));
        assertTrue(d.explain().contains("rita has role rep, which reports to director"), d.explain());
        assertFalse(decide("rita", VIEW, lead("dora")).allowed(), "the hierarchy does not grant upwards");
    }

    @Test
    void teamScope_reachesTeamsBelow_butNotAbove() {
        AccessDecision d = decide("max", VIEW, lead("nomad"));
        assertEquals(List.of(Grant.Rule.ROLE_HIERARCHY), ((AccessDecision.Allowed) d).grants().stream()
                .map(Grant::rule).toList(), "nomad has no team, only the hierarchy grants: " + d.explain());
        assertTrue(((AccessDecision.Allowed) decide("max", VIEW, lead("rita"))).grants().stream()
                .anyMatch(g -> g.rule() == Grant.Rule.TEAM_SCOPE), "dach is below emea");
        Organization flat = Organization.of(List.of(User.of("max", "emea", "manager"),
                User.of("dora", "sales", "agent")), org.teams(), List.of(MANAGER, DIRECTOR, AGENT), Map.of());
        assertFalse(AccessPolicy.of(flat).decide(Actor.user("max"), VIEW, lead("dora"), List.of()).allowed(),
                "sales is above emea, not below");
    }

    @Test
    void noScope_refusesWithThePermissionAndTheRecord() {
        AccessRecord record = lead("ron");
        AccessDecision d = decide("ron", DELETE, record);
        AccessDecision.Refused refused = assertInstanceOf(AccessDecision.Refused.class, d);
        assertEquals("delete " + record.ref(), refused.what());
        assertTrue(refused.reason().contains("role rep may delete no leads"), refused.reason());
    }

    /**
     * Roles stored before tasks had scopes name none on tasks: their users keep their tasks through the role's lead
     * scopes (the rep sees the tasks assigned to them, not a peer's; the manager above sees the rep's), and a role
     * that names a task scope, even none, gets exactly that.
     */
    @Test
    void aRoleThatNamesNoTaskScope_takesItsLeadScopesForTasks_aRoleThatNamesOneKeepsIt() {
        AccessRecord ronsTask = new AccessRecord(new RecordRef(TASK, new UUID(5, 5)), Optional.of(UserId.of("ron")));
        assertEquals(Scope.OWN, REP.scope(TASK, VIEW));
        assertEquals(Scope.NONE, REP.scope(TASK, DELETE), "nor does the rep delete leads");
        assertEquals(Grant.Rule.OWNER, onlyRule(decide("ron", VIEW, ronsTask)));
        assertTrue(decide("ron", EDIT, ronsTask).allowed());
        assertFalse(decide("rita", VIEW, ronsTask).allowed(), "a peer's task stays hidden");
        assertTrue(decide("max", VIEW, ronsTask).allowed(), "the manager above sees the rep's task");
        assertFalse(decide("sam", VIEW, ronsTask).allowed(), "the agent's role has no lead scope either");

        Role noTasks = Role.builder("rep", "Rep").scope(LEAD, Scope.OWN, VIEW, EDIT).scope(TASK, Scope.NONE, VIEW)
                .build();
        assertEquals(Scope.NONE, noTasks.scope(TASK, VIEW));
        assertEquals(Scope.NONE, noTasks.scope(TASK, EDIT), "naming one task permission names the rest as none");
        Organization explicit = Organization.of(org.users(), org.teams(), List.of(DIRECTOR, MANAGER, noTasks, AGENT),
                Map.of());
        assertFalse(AccessPolicy.of(explicit).decide(Actor.user("ron"), VIEW, ronsTask, List.of()).allowed());
    }

    @Test
    void everythingScope_grantsEveryRecordOfTheType_only() {
        AccessRecord contact = new AccessRecord(new RecordRef(CONTACT, new UUID(1, 1)), Optional.empty());
        assertEquals(Grant.Rule.EVERYTHING_SCOPE, onlyRule(decide("sam", VIEW, contact)));
        assertFalse(decide("sam", EDIT, contact).allowed());
        assertFalse(decide("sam", VIEW, lead("ron")).allowed());
    }

    @Test
    void defaultAccess_teamRead_grantsViewToTheOwnersTeamAndAbove_notEdit() {
        AccessPolicy teamRead = withDefault(DefaultAccess.TEAM_READ);
        assertEquals(Grant.Rule.DEFAULT_TEAM,
                onlyRule(teamRead.decide(Actor.user("ron"), VIEW, lead("rita"), List.of())));
        assertFalse(teamRead.decide(Actor.user("rita"), VIEW, lead("ron"), List.of()).allowed(),
                "emea is above dach: a DACH rep does not see an EMEA rep's lead");
        assertFalse(teamRead.decide(Actor.user("ron"), EDIT, lead("rita"), List.of()).allowed());
        assertTrue(withDefault(DefaultAccess.TEAM_READ_WRITE)
                .decide(Actor.user("ron"), EDIT, lead("rita"), List.of()).allowed());
    }

    @Test
    void defaultAccess_public_grantsEveryUser_evenForUnownedRecords_butNotStrangers() {
        AccessPolicy publicRead = withDefault(DefaultAccess.PUBLIC_READ);
        assertEquals(Grant.Rule.DEFAULT_PUBLIC, onlyRule(publicRead.decide(Actor.user("sam"), VIEW, lead(""),
                List.of())));
        assertFalse(publicRead.decide(Actor.user("sam"), EDIT, lead(""), List.of()).allowed());
        assertTrue(withDefault(DefaultAccess.PUBLIC_READ_WRITE).decide(Actor.user("sam"), EDIT, lead(""), List.of())
                .allowed());
        assertFalse(withDefault(DefaultAccess.PUBLIC_READ_WRITE).decide(Actor.user("sam"), DELETE, lead(""),
                List.of()).allowed(), "a default never grants delete");
        AccessDecision stranger = publicRead.decide(Actor.user("eve"), VIEW, lead(""), List.of());
        assertEquals("there is no user eve", ((AccessDecision.Refused) stranger).reason());
    }

    @Test
    void userShare_widensToReadOrReadWrite_onlyForThatRecord() {
        AccessRecord record = lead("ron");
        Share read = new Share(record.ref(), Grantee.user("sam"), ShareLevel.READ);
        assertEquals(Grant.Rule.USER_SHARE, onlyRule(decide("sam", VIEW, record, read)));
        assertFalse(decide("sam", EDIT, record, read).allowed());
        assertTrue(decide("sam", EDIT, record, new Share(record.ref(), Grantee.user("sam"), ShareLevel.READ_WRITE))
                .allowed());
        assertFalse(decide("sam", DELETE, record, new Share(record.ref(), Grantee.user("sam"),
                ShareLevel.READ_WRITE)).allowed(), "a share never grants delete");
        assertFalse(decide("sam", VIEW, lead("rita"), read).allowed(), "a share of another record");
    }

    @Test
    void teamShare_grantsMembersOfTheTeamAndTheTeamsBelow() {
        AccessRecord record = lead("sam");
        Share toEmea = new Share(record.ref(), Grantee.team("emea"), ShareLevel.READ);
        assertEquals(Grant.Rule.TEAM_SHARE, onlyRule(decide("rita", VIEW, record, toEmea)), "dach is below emea");
        assertFalse(decide("dora", VIEW, record, toEmea).allowed(), "sales is above emea");
        assertFalse(decide("nomad", VIEW, record, toEmea).allowed(), "nomad has no team");
    }

    @Test
    void systemActor_mayDoEverything() {
        assertEquals(Grant.Rule.SYSTEM_ACTOR, onlyRule(policy.decide(Actor.system("import"), DELETE, lead("ron"),
                List.of())));
        assertEquals(FieldAccess.EDIT, policy.field(Actor.system("relay"), new FieldRef(LEAD, "request")));
    }

    @Test
    void explain_listsEveryGrantingRule() {
        AccessRecord record = lead("rita");
        AccessDecision view = policy.explain(Actor.user("max"), record,
                List.of(new Share(record.ref(), Grantee.user("max"), ShareLevel.READ))).get(0);
        AccessDecision.Allowed allowed = assertInstanceOf(AccessDecision.Allowed.class, view);
        assertEquals(List.of(Grant.Rule.ROLE_HIERARCHY, Grant.Rule.TEAM_SCOPE, Grant.Rule.USER_SHARE),
                allowed.grants().stream().map(Grant::rule).toList());
        assertEquals(Permission.values().length, policy.explain(Actor.user("max"), record, List.of()).size());
    }

    @Test
    void fieldPermissions_hideReadOnlyAndEditable() {
        FieldRef request = new FieldRef(LEAD, "request");
        FieldRef margin = new FieldRef(LEAD, "customFields.margin");
        assertFalse(policy.decideField(Actor.user("ron"), request, false).allowed());
        assertTrue(policy.decideField(Actor.user("ron"), margin, false).allowed());
        assertFalse(policy.decideField(Actor.user("ron"), margin, true).allowed());
        assertTrue(policy.decideField(Actor.user("max"), request, true).allowed(), "unnamed fields are editable");
        assertEquals(FieldAccess.HIDDEN, policy.field(Actor.user("eve"), margin), "strangers see no field");
    }

    @Test
    void adminPermissions_areHeldByRoles() {
        assertEquals(Grant.Rule.ADMIN_PERMISSION, onlyRule(policy.administer(Actor.user("dora"),
                AdminPermission.STATISTICS)));
        AccessDecision refused = policy.administer(Actor.user("max"), AdminPermission.PIPELINES);
        assertEquals("user:max may not administer PIPELINES: role manager does not hold PIPELINES",
                refused.explain());
    }

    @Test
    void privateTimelineItem_isSeenByOwnerAndParticipantsOnly() {
        Activity item = new Activity(new ActivityId(new UUID(7, 7)), ActivityType.EMAIL, "Offer", "",
                Direction.OUTBOUND,
                Instant.EPOCH, List.of("sam@example.com ", "rita"), Set.of(lead("ron").ref()),
                Optional.of(UserId.of("ron")), Visibility.PRIVATE, Instant.EPOCH);
        assertEquals(Grant.Rule.ITEM_OWNER, onlyRule(policy.timelineItem(Actor.user("ron"), item)));
        assertEquals(Grant.Rule.ITEM_PARTICIPANT, onlyRule(policy.timelineItem(Actor.user("sam"), item)),
                "by e-mail, case and blanks ignored");
        assertEquals(Grant.Rule.ITEM_PARTICIPANT, onlyRule(policy.timelineItem(Actor.user("rita"), item)), "by id");
        assertFalse(policy.timelineItem(Actor.user("dora"), item).allowed(), "not even the director");
    }

    @Test
    void organization_refusesDanglingReferencesAndCycles() {
        assertThrows(ValidationException.class, () -> Organization.of(List.of(User.of("a", "nowhere", "rep")),
                List.of(), List.of(REP), Map.of()));
        ValidationException cycle = assertThrows(ValidationException.class, () -> Organization.of(List.of(),
                List.of(Team.below("a", "A", "b"), Team.below("b", "B", "a")), List.of(), Map.of()));
        assertEquals("acyclic", cycle.violations().get(0).rule());
        assertThrows(ValidationException.class, () -> Organization.of(List.of(), List.of(),
                List.of(Role.builder("x", "X").reportsTo("y").build(), Role.builder("y", "Y").reportsTo("x").build()),
                Map.of()));
    }

    @Test
    void filter_isNothingForStrangers_andEverythingForSystems() {
        assertTrue(policy.filter(Actor.user("eve"), LEAD, VIEW).nothing());
        assertTrue(policy.filter(Actor.system("job"), LEAD, DELETE).everything());
        AccessFilter managerView = policy.filter(Actor.user("max"), LEAD, VIEW);
        assertEquals(Set.of(UserId.of("max"), UserId.of("rita"), UserId.of("ron"), UserId.of("nomad")),
                managerView.owners(), "own, reports by role (nomad is a rep) and team emea with dach");
        assertEquals(Set.of(TeamId.of("emea"), TeamId.of("sales")), managerView.shareTeams());
    }

    private AccessPolicy withDefault(DefaultAccess access) {
        return AccessPolicy.of(Organization.of(org.users(), org.teams(), org.roles(), Map.of(LEAD, access)));
    }
}
