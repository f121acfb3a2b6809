package dev.crmkit.core.access;

import dev.crmkit.core.contract.AccessPopulation;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * On generated populations (seeded), the {@link AccessPolicy}'s decision matches an independent oracle written here
 * for every actor, permission and record, and its {@link AccessFilter} passes exactly the records it allows.
 */
class AccessPolicyPropertyTest {

    @Test
    void decide_matchesTheOracle_forEveryActorPermissionAndRecord() {
        qt().withFixedSeed(15L).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            AccessPopulation pop = AccessPopulation.generate(seed, 60, RecordType.values());
            AccessPolicy policy = AccessPolicy.of(pop.organization());
            int allowed = 0;
            int checked = 0;
            for (AccessRecord r : pop.records()) {
                List<Share> of = pop.sharesOf(r.ref());
                for (Actor actor : pop.actors()) {
                    for (Permission p : Permission.values()) {
                        boolean expected = oracle(pop.organization(), actor, p, r, of);
                        AccessDecision d = policy.decide(actor, p, r, of);
                        assertEquals(expected, d.allowed(), () -> "seed " + seed + ": " + d.explain());
                        allowed += expected ? 1 : 0;
                        checked++;
                    }
                }
            }
            assertTrue(allowed > 0 && allowed < checked, "seed " + seed + " decided both ways: " + allowed + " of "
                    + checked);
        });
    }

    @Test
    void filter_passesExactlyWhatDecideAllows() {
        qt().withFixedSeed(16L).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            AccessPopulation pop = AccessPopulation.generate(seed, 60, RecordType.values());
            AccessPolicy policy = AccessPolicy.of(pop.organization());
            for (Actor actor : pop.actors()) {
                for (RecordType type : RecordType.values()) {
                    for (Permission p : Permission.values()) {
                        AccessFilter filter = policy.filter(actor, type, p);
                        for (AccessRecord r : pop.records()) {
                            if (r.ref().type() != type) {
                                continue;
                            }
                            List<Share> of = pop.sharesOf(r.ref());
                            assertEquals(policy.decide(actor, p, r, of).allowed(), filter.allows(r.owner(), of),
                                    () -> "seed " + seed + ", " + actor + " " + p + " " + r);
                        }
                    }
                }
            }
        });
    }

    /** The rules as the policy's Javadoc states them, walking teams and roles upwards instead of downwards. */
    static boolean oracle(Organization org, Actor actor, Permission p, AccessRecord r, List<Share> shares) {
        if (actor instanceof Actor.SystemProcess) {
            return true;
        }
        UserId me = ((Actor.Person) actor).user();
        User user = org.users().stream().filter(u -> u.id().equals(me)).findFirst().orElse(null);
        if (user == null) {
            return false;
        }
        Role role = org.roles().stream().filter(x -> x.id().equals(user.role())).findFirst().orElseThrow();
        Map<Permission, Scope> named = role.scopes().getOrDefault(r.ref().type(), Map.of());
        if (named.isEmpty() && r.ref().type() == RecordType.TASK) { // Role#scope: tasks fall back to the lead scopes
            named = role.scopes().getOrDefault(RecordType.LEAD, Map.of());
        }
        Scope scope = named.getOrDefault(p, Scope.NONE);
        User owner = r.owner().flatMap(o -> org.users().stream().filter(u -> u.id().equals(o)).findFirst())
                .orElse(null);
        boolean ownerInMyTeams = owner != null && owner.team().isPresent() && user.team().isPresent()
                && teamChain(org, owner.team().get()).contains(user.team().get());
        if (scope != Scope.NONE && r.owner().equals(Optional.of(me))) {
            return true;
        }
        if (scope != Scope.NONE && owner != null && roleChainAbove(org, owner.role()).contains(user.role())) {
            return true;
        }
        if ((scope == Scope.TEAM || scope == Scope.EVERYTHING) && ownerInMyTeams) {
            return true;
        }
        if (scope == Scope.EVERYTHING) {
            return true;
        }
        DefaultAccess d = org.defaultAccess(r.ref().type());
        boolean viewOrEdit = p == Permission.VIEW || p == Permission.EDIT;
        boolean writes = d == DefaultAccess.TEAM_READ_WRITE || d == DefaultAccess.PUBLIC_READ_WRITE;
        if (viewOrEdit && (p == Permission.VIEW || writes)) {
            if (d == DefaultAccess.PUBLIC_READ || d == DefaultAccess.PUBLIC_READ_WRITE) {
                return true;
            }
            if (d != DefaultAccess.PRIVATE && ownerInMyTeams) {
                return true;
            }
        }
        for (Share s : shares) {
            boolean levelOk = p == Permission.VIEW || p == Permission.EDIT && s.level() == ShareLevel.READ_WRITE;
            if (!levelOk) {
                continue;
            }
            if (s.grantee() instanceof Grantee.ToUser u && u.user().equals(me)) {
                return true;
            }
            if (s.grantee() instanceof Grantee.ToTeam t && user.team().isPresent()
                    && teamChain(org, user.team().get()).contains(t.team())) {
                return true;
            }
        }
        return false;
    }

    /** A team and every team above it, walking parents. */
    private static List<TeamId> teamChain(Organization org, TeamId team) {
        List<TeamId> out = new java.util.ArrayList<>();
        for (TeamId at = team; at != null; ) {
            out.add(at);
            TeamId current = at;
            at = org.teams().stream().filter(t -> t.id().equals(current)).findFirst().flatMap(Team::parent)
                    .orElse(null);
        }
        return out;
    }

    /** The roles strictly above a role. */
    private static List<RoleId> roleChainAbove(Organization org, RoleId role) {
        List<RoleId> out = new java.util.ArrayList<>();
        RoleId at = role;
        while (true) {
            RoleId current = at;
            Optional<RoleId> up = org.roles().stream().filter(x -> x.id().equals(current)).findFirst()
                    .flatMap(Role::reportsTo);
            if (up.isEmpty()) {
                return out;
            }
            out.add(up.get());
            at = up.get();
        }
    }

}
