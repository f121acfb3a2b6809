package dev.crmkit.examples.cli.access;

import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.RecordType;

import java.util.List;
import java.util.Map;

/**
 * The demo's organization, for the demo's sales team: dana heads sales; anna leads DACH, where david sells; ben
 * sells in UK/US, carla in France. Reps see and edit their own leads, contacts and deals (and read the contacts of
 * their team, the contacts' default); team leads their team's and their reports'; the head of sales everything, and
 * holds every administrative permission. Reps cannot see a deal's lost reason and only read a lead's margin.
 */
final class DemoAccess {

    private DemoAccess() {
    }

    /** The teams, parents first. */
    static List<Team> teams() {
        return List.of(Team.of("sales", "Sales"), Team.below("dach", "DACH", "sales"),
                Team.below("uk-us", "UK/US", "sales"), Team.below("france", "France", "sales"));
    }

    /** The roles, the top of the hierarchy first. */
    static List<Role> roles() {
        Role.Builder head = Role.builder("head-of-sales", "Head of sales").everywhere(Scope.EVERYTHING)
                .admin(AdminPermission.values());
        Role.Builder lead = Role.builder("team-lead", "Team lead").reportsTo("head-of-sales");
        Role.Builder rep = Role.builder("rep", "Sales rep").reportsTo("team-lead");
        for (RecordType type : List.of(RecordType.CONTACT, RecordType.LEAD, RecordType.DEAL, RecordType.TASK)) {
            lead.scope(type, Scope.TEAM, Permission.VIEW, Permission.EDIT, Permission.ASSIGN, Permission.MERGE)
                    .scope(type, Scope.OWN, Permission.DELETE, Permission.EXPORT);
            rep.scope(type, Scope.OWN, Permission.VIEW, Permission.EDIT);
        }
        lead.scope(RecordType.COMPANY, Scope.EVERYTHING, Permission.VIEW, Permission.EDIT)
                .admin(AdminPermission.STATISTICS, AdminPermission.ASSIGNMENT_RULES);
        rep.scope(RecordType.COMPANY, Scope.EVERYTHING, Permission.VIEW)
                .field(RecordType.DEAL, "lostReason", FieldAccess.HIDDEN)
                .field(RecordType.LEAD, "customFields.margin", FieldAccess.READ);
        return List.of(head.build(), lead.build(), rep.build());
    }

    /** The users. */
    static List<User> users() {
        return List.of(User.of("dana", "sales", "head-of-sales").withEmail("dana@demo.example"),
                User.of("anna", "dach", "team-lead").withEmail("anna@demo.example"),
                User.of("david", "dach", "rep").withEmail("david@demo.example"),
                User.of("ben", "uk-us", "rep").withEmail("ben@demo.example"),
                User.of("carla", "france", "rep").withEmail("carla@demo.example"));
    }

    /** The default access per record type: contacts team-readable, companies public, leads and deals private. */
    static Map<RecordType, DefaultAccess> defaults() {
        return Map.of(RecordType.CONTACT, DefaultAccess.TEAM_READ, RecordType.COMPANY, DefaultAccess.PUBLIC_READ,
                RecordType.LEAD, DefaultAccess.PRIVATE, RecordType.DEAL, DefaultAccess.PRIVATE);
    }
}
