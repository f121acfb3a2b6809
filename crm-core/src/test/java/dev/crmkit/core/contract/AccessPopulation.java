package dev.crmkit.core.contract;

import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.RecordFields;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, generated population for access tests: a tree of teams, a hierarchy of roles with random scopes, field
 * and administrative permissions, users spread over them (some without a team), random default accesses, records of
 * the given types owned by users, by nobody or by a user unknown to the directory, and random shares. The same seed
 * gives the same population. The actors are every user, a user unknown to the directory and a system process.
 *
 * @param organization the users, teams, roles and defaults
 * @param records      the records, in the order made
 * @param shares       the shares, in the order made
 * @param actors       who asks
 */
public record AccessPopulation(Organization organization, List<AccessRecord> records, List<Share> shares,
                               List<Actor> actors) {

    /** Generates a population with about {@code recordCount} records of the given types. */
    public static AccessPopulation generate(long seed, int recordCount, RecordType... types) {
        Random random = new Random(seed);
        List<Team> teams = new ArrayList<>();
        int teamCount = 2 + random.nextInt(6);
        for (int i = 0; i < teamCount; i++) {
            Optional<TeamId> parent = i == 0 || random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(teams.get(random.nextInt(i)).id());
            teams.add(new Team(TeamId.of("t" + i), "Team " + i, parent));
        }
        List<Role> roles = new ArrayList<>();
        int roleCount = 1 + random.nextInt(5);
        for (int i = 0; i < roleCount; i++) {
            Role.Builder b = Role.builder("r" + i, "Role " + i);
            if (i > 0 && random.nextInt(5) != 0) {
                b.reportsTo("r" + random.nextInt(i));
            }
            for (RecordType type : RecordType.values()) {
                for (Permission p : Permission.values()) {
                    b.scope(type, Scope.values()[random.nextInt(Scope.values().length)], p);
                }
                if (random.nextBoolean()) {
                    FieldAccess access = FieldAccess.values()[random.nextInt(3)];
                    if (RecordFields.of(type).hasCustomFields()) { // tasks have no custom values
                        b.field(type, "customFields.secret", access);
                    }
                }
            }
            for (AdminPermission a : AdminPermission.values()) {
                if (random.nextBoolean()) {
                    b.admin(a);
                }
            }
            roles.add(b.build());
        }
        List<User> users = new ArrayList<>();
        int userCount = 3 + random.nextInt(12);
        for (int i = 0; i < userCount; i++) {
            Optional<TeamId> team = random.nextInt(8) == 0 ? Optional.empty()
                    : Optional.of(teams.get(random.nextInt(teamCount)).id());
            users.add(new User(UserId.of("u" + i), "User " + i, Optional.of("u" + i + "@example.com"), team,
                    RoleId.of("r" + random.nextInt(roleCount))));
        }
        Map<RecordType, DefaultAccess> defaults = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            defaults.put(type, DefaultAccess.values()[random.nextInt(DefaultAccess.values().length)]);
        }
        Organization org = Organization.of(users, teams, roles, defaults);
        List<AccessRecord> records = new ArrayList<>();
        for (int i = 0; i < recordCount; i++) {
            int pick = random.nextInt(10);
            Optional<UserId> owner = pick == 0 ? Optional.empty() : pick == 1 ? Optional.of(UserId.of("ghost"))
                    : Optional.of(users.get(random.nextInt(userCount)).id());
            records.add(new AccessRecord(new RecordRef(types[random.nextInt(types.length)],
                    new UUID(seed, i)), owner));
        }
        Map<RecordRef, Map<Grantee, Share>> shares = new LinkedHashMap<>();
        int shareCount = recordCount / 2;
        for (int i = 0; i < shareCount; i++) {
            RecordRef record = records.get(random.nextInt(recordCount)).ref();
            Grantee grantee = random.nextBoolean() ? new Grantee.ToUser(users.get(random.nextInt(userCount)).id())
                    : new Grantee.ToTeam(teams.get(random.nextInt(teamCount)).id());
            ShareLevel level = ShareLevel.values()[random.nextInt(2)];
            shares.computeIfAbsent(record, r -> new LinkedHashMap<>()).put(grantee, new Share(record, grantee, level));
        }
        List<Actor> actors = new ArrayList<>();
        users.forEach(u -> actors.add(Actor.user(u.id())));
        actors.add(Actor.user("stranger"));
        actors.add(Actor.system("import"));
        return new AccessPopulation(org, List.copyOf(records),
                shares.values().stream().flatMap(m -> m.values().stream()).toList(), List.copyOf(actors));
    }

    /** Saves the organization (teams, roles, users, default accesses) and the shares into a store. */
    public void storeAccess(dev.crmkit.core.CrmStore store) {
        organization.teams().forEach(store.accessDirectory()::save);
        organization.roles().forEach(store.accessDirectory()::save);
        organization.users().forEach(store.accessDirectory()::save);
        organization.defaults().forEach(store.accessDirectory()::setDefault);
        shares.forEach(store.shares()::grant);
    }

    /** The shares of one record. */
    public List<Share> sharesOf(RecordRef record) {
        return index().getOrDefault(record, List.of());
    }

    private Map<RecordRef, List<Share>> index() {
        Map<RecordRef, List<Share>> out = new HashMap<>();
        shares.forEach(s -> out.computeIfAbsent(s.record(), r -> new ArrayList<>()).add(s));
        return out;
    }
}
