package dev.crmkit.pipeline.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.access.User;
import dev.crmkit.core.contract.AccessPopulation;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.ScopedPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.forecast.Board;
import dev.crmkit.pipeline.forecast.BoardColumn;
import dev.crmkit.pipeline.forecast.Forecasts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access enforced on every deal read path of {@link DealPipeline#as}, on one store: for generated populations
 * ({@link AccessPopulation}: a tree of teams, a hierarchy of roles with random scopes, users, random default
 * accesses and shares; deals owned by users, by nobody or by a user the directory does not know, spread over two
 * pipelines and every stage, with amounts in two currencies or none, close dates or none), each actor (every user, a
 * stranger and a system process) sees through each query path exactly the deals that {@link AccessPolicy#decide}
 * allows with {@link Permission#VIEW}: 0 leaks, 0 wrongly hidden, in the order of the unrestricted list, with full
 * pages. The query paths covered:
 * <ol>
 *   <li>{@code deal(id)} (every deal) and {@code history(id)} (every third deal: not found for a hidden deal);</li>
 *   <li>{@code deals(filter, page)} (every page) for each pipeline, each pipeline and stage, each pipeline and owner
 *       (every user), each pipeline and source, and each pipeline and close month;</li>
 *   <li>{@code board(filter)} of each pipeline: per stage, the count and the sums per currency of exactly the visible
 *       deals (a hidden deal is never counted), equal to the board of the visible deals alone;</li>
 *   <li>{@code weighted(pipelines, owner)} over every pipeline, over each pipeline and over each pipeline for each
 *       user: equal to the forecast of the visible deals alone (by month, owner, pipeline and category);</li>
 *   <li>{@code decide(permission, id)} for every permission and every fifth deal: equal to the policy's decision.</li>
 * </ol>
 * And the write path: {@code move(command)} is made exactly when the actor may view the deal and holds
 * {@link Permission#EDIT} on it; a refusal names the permission and the deal (a hidden deal as "not found") and
 * leaves the deal as it was.
 * <p>Fields: for populations whose roles get a random {@link FieldAccess} on {@code deal.amount},
 * {@code deal.expectedMargin}, {@code deal.expectedCloseDate}, {@code deal.customFields.margin} (and READ or EDIT on
 * {@code deal.stage}), with deals carrying a value in each, every deal read ({@code deal}, {@code deals}, a move's
 * result, a change's value) blanks exactly the fields the role hides (oracle written out here from
 * {@link AccessPolicy#field}), boards count every visible deal but sum only amounts the actor may see (none when
 * {@code deal.amount} is hidden), weighted forecasts equal those of the deals as shown; a move with {@code deal.stage}
 * READ and new terms with {@code deal.amount} READ or HIDDEN are refused naming the field and the deal, the deal
 * unchanged. Extend it with a class that returns a fresh, empty store. Tagged {@code visible-deals}, so
 * that one database's run can be picked out of the JDBC suite ({@code -Dtest=H2StoreTest -Dgroups=visible-deals}).
 */
@org.junit.jupiter.api.Tag("visible-deals")
public abstract class VisibleDealsContract {

    private static final int PAGE = 4;

    /** A fresh, empty store; called once per population. */
    protected abstract Stores newStore();

    /** The seeds of the populations; a store that is slow to fill may run fewer. */
    protected long[] seeds() {
        return new long[] {1, 2, 3};
    }

    @Test
    void everyDealQueryPath_showsExactlyWhatThePolicyAllows() {
        long decisions = 0;
        long allowed = 0;
        long counted = 0;
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            assertEquals(p.pop.organization(), p.stores.crm().accessDirectory().organization());
            for (Actor actor : p.pop.actors()) {
                ScopedPipeline view = p.deals.as(actor);
                Predicate<Deal> may = d -> policy.decide(actor, Permission.VIEW, record(d),
                        p.pop.sharesOf(record(d).ref())).allowed();
                String who = "seed " + seed + ", " + actor;
                for (Deal d : p.all) {
                    Optional<Deal> expected = may.test(d) ? Optional.of(d) : Optional.empty();
                    assertEquals(expected, view.deal(d.id()), who + ", deal(" + d.id() + ")");
                    decisions++;
                    allowed += expected.isPresent() ? 1 : 0;
                }
                for (int n = 0; n < p.all.size(); n += 3) {
                    Deal d = p.all.get(n);
                    assertEquals(may.test(d) ? Optional.of(p.deals.history(d.id())) : Optional.empty(),
                            view.history(d.id()), who + ", history(" + d.id() + ")");
                }
                Deals reference = new Filtered(p.stores.pipeline().deals(), may);
                Forecasts visibleAlone = new Forecasts(p.stores.pipeline().pipelines(), reference);
                for (Pipeline pipeline : p.pipelines) {
                    DealFilter all = DealFilter.pipeline(pipeline.id());
                    List<DealFilter> filters = new ArrayList<>();
                    filters.add(all);
                    pipeline.definition().stages().forEach(s -> filters.add(all.inStage(s.name())));
                    p.pop.organization().users().forEach(u -> filters.add(all.ownedBy(u.id())));
                    filters.add(all.fromSource("web"));
                    filters.add(all.closingIn(YearMonth.of(2026, 7)));
                    for (DealFilter f : filters) {
                        Optional<String> refused = hiddenFilterField(policy, actor, f);
                        if (refused.isPresent()) { // the stranger's role hides every field that can be hidden
                            assertRefused(actor, refused.get(), () -> view.deals(f, PageRequest.first(PAGE)),
                                    who + ", deals(" + f + ")");
                            continue;
                        }
                        List<Deal> expected = p.all.stream().filter(f::accepts).filter(may).toList();
                        assertEquals(expected, readAll(r -> view.deals(f, r), PAGE), who + ", deals(" + f + ")");
                    }
                    Board board = view.board(all);
                    List<Deal> visible = p.all.stream().filter(all::accepts).filter(may).toList();
                    for (BoardColumn column : board.columns()) {
                        List<Deal> in = visible.stream().filter(d -> d.stage().equals(column.stage().name()))
                                .toList();
                        assertEquals(in.size(), column.count(), who + ", board count of " + column.stage().name());
                        assertEquals(in.stream().flatMap(d -> d.amount().stream())
                                .reduce(dev.crmkit.pipeline.forecast.MoneyTotals.none(),
                                        dev.crmkit.pipeline.forecast.MoneyTotals::plus,
                                        dev.crmkit.pipeline.forecast.MoneyTotals::plus),
                                column.totals(), who + ", board totals of " + column.stage().name());
                    }
                    assertEquals(visible.size(), board.count(), who + ", board(" + pipeline.name() + ")");
                    assertEquals(visibleAlone.board(all), board, who + ", board(" + pipeline.name() + ")");
                    counted += board.count();
                    assertEquals(visibleAlone.weighted(List.of(pipeline.id()), Optional.empty()),
                            view.weighted(List.of(pipeline.id()), Optional.empty()),
                            who + ", weighted(" + pipeline.name() + ")");
                    for (User u : p.pop.organization().users()) {
                        if (hidden(policy, actor, "owner")) {
                            assertRefused(actor, "owner", () -> view.weighted(List.of(pipeline.id()),
                                    Optional.of(u.id())), who + ", weighted(" + pipeline.name() + ", " + u.id() + ")");
                            continue;
                        }
                        assertEquals(visibleAlone.weighted(List.of(pipeline.id()), Optional.of(u.id())),
                                view.weighted(List.of(pipeline.id()), Optional.of(u.id())),
                                who + ", weighted(" + pipeline.name() + ", " + u.id() + ")");
                    }
                }
                assertEquals(visibleAlone.weighted(List.of(), Optional.empty()),
                        view.forecasts().weighted(List.of(), Optional.empty()), who + ", weighted()");
                for (int n = 0; n < p.all.size(); n += 5) {
                    Deal d = p.all.get(n);
                    List<Share> shares = p.stores.crm().shares().of(record(d).ref());
                    assertEquals(Set.copyOf(p.pop.sharesOf(record(d).ref())), Set.copyOf(shares));
                    for (Permission permission : Permission.values()) {
                        assertEquals(policy.decide(actor, permission, record(d), shares),
                                view.decide(permission, d.id()), who + ", decide(" + permission + ", " + d.id()
                                        + ")");
                    }
                }
            }
        }
        assertTrue(allowed > 0 && allowed < decisions, "the populations decide both ways: " + allowed + " of "
                + decisions);
        assertTrue(counted > 0, "boards count visible deals");
    }

    @Test
    void move_isMadeExactlyWhenTheActorMayViewTheDealAndEditIt_aRefusalNamesThePermissionAndTheDeal() {
        Population p = Population.store(newStore(), 5);
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int made = 0;
        int refused = 0;
        int hidden = 0;
        for (Actor actor : p.pop.actors()) {
            ScopedPipeline view = p.deals.as(actor);
            dev.crmkit.pipeline.definition.Actor mover = p.mover(actor);
            for (int n = actor.hashCode() & 3; n < p.all.size(); n += 4) {
                Deal before = p.stored(p.all.get(n).id());
                List<Share> shares = p.pop.sharesOf(record(before).ref());
                boolean visible = policy.decide(actor, Permission.VIEW, record(before), shares).allowed();
                boolean expected = visible && policy.decide(actor, Permission.EDIT, record(before), shares).allowed();
                String target = before.stage().equals("New") ? "Proposal" : "New";
                Guarded<StageChange> outcome = view.move(MoveDeal.to(before.id(), target, mover));
                String context = actor + " moves " + before.id();
                assertEquals(expected, outcome.allowed(), context + ": " + outcome.decision().explain());
                Deal after = p.stored(before.id());
                String what = "edit deal:" + before.id().value();
                assertTrue(outcome.decision().explain().contains(what), outcome.decision().explain());
                if (expected) {
                    StageChange change = outcome.value().orElseThrow();
                    assertEquals(change instanceof StageChange.StageChanged ? target : before.stage(), after.stage(),
                            context);
                    made++;
                } else {
                    assertEquals(before, after, "a refused move leaves the deal as it was: " + context);
                    assertTrue(outcome.decision() instanceof AccessDecision.Refused, context);
                    if (!visible) {
                        assertTrue(outcome.decision().explain().endsWith("there is no deal:" + before.id().value()),
                                "a hidden deal is not found: " + outcome.decision().explain());
                        hidden++;
                    }
                    refused++;
                }
            }
        }
        assertTrue(made > 0 && refused > 0 && hidden > 0, "moves were made, refused and not found: " + made + ", "
                + refused + ", " + hidden);
    }

    @Test
    void move_byAnotherMoverThanTheViewsActor_isAProgrammingError() {
        Population p = Population.store(newStore(), 5);
        Deal deal = p.all.get(0);
        ScopedPipeline view = p.deals.as(Actor.system("import"));

        assertThrows(IllegalArgumentException.class, () -> view.move(MoveDeal.to(deal.id(), "Proposal",
                dev.crmkit.pipeline.definition.Actor.of("someone else"))));
        assertEquals(Optional.of(deal), p.stores.pipeline().deals().findById(deal.id()));
    }

    @Test
    void fields_everyScopedDealRead_blanksExactlyTheFieldsTheRoleHides_andSumsOnlyShownAmounts() {
        int[] counts = new int[2]; // hidden, shown
        Map<String, Integer> filtersRefused = new java.util.TreeMap<>();
        int boardsWithoutAmounts = 0;
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed, true);
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            for (Actor actor : p.pop.actors()) {
                ScopedPipeline view = p.deals.as(actor);
                Predicate<Deal> may = d -> policy.decide(actor, Permission.VIEW, record(d),
                        p.pop.sharesOf(record(d).ref())).allowed();
                java.util.function.UnaryOperator<Deal> shown = d -> shownAs(policy, actor, d);
                String who = "seed " + seed + ", " + actor;
                boolean amountHidden = hidden(policy, actor, "amount");
                for (Deal d : p.all) {
                    Optional<Deal> expected = may.test(d) ? Optional.of(shown.apply(d)) : Optional.empty();
                    assertEquals(expected, view.deal(d.id()), who + ", deal(" + d.id() + ")");
                    if (expected.isPresent()) {
                        for (String f : FIELDS) {
                            counts[hidden(policy, actor, f) ? 0 : 1]++;
                        }
                    }
                }
                Forecasts asShown = new Forecasts(p.stores.pipeline().pipelines(),
                        new Filtered(p.stores.pipeline().deals(), may, shown));
                for (Pipeline pipeline : p.pipelines) {
                    DealFilter all = DealFilter.pipeline(pipeline.id());
                    List<Deal> visible = p.all.stream().filter(all::accepts).filter(may).toList();
                    assertEquals(visible.stream().map(shown).toList(), readAll(r -> view.deals(all, r), PAGE),
                            who + ", deals(" + pipeline.name() + ")");
                    Board board = view.board(all);
                    for (BoardColumn column : board.columns()) {
                        List<Deal> in = visible.stream().filter(d -> d.stage().equals(column.stage().name()))
                                .toList();
                        assertEquals(in.size(), column.count(), who + ", board count of " + column.stage().name());
                        assertEquals(amountHidden ? dev.crmkit.pipeline.forecast.MoneyTotals.none()
                                        : in.stream().flatMap(d -> d.amount().stream())
                                        .reduce(dev.crmkit.pipeline.forecast.MoneyTotals.none(),
                                                dev.crmkit.pipeline.forecast.MoneyTotals::plus,
                                                dev.crmkit.pipeline.forecast.MoneyTotals::plus),
                                column.totals(), who + ", board totals of " + column.stage().name());
                    }
                    if (amountHidden && board.count() > 0) {
                        boardsWithoutAmounts++;
                    }
                    List<DealFilter> filters = new ArrayList<>();
                    p.pop.organization().users().forEach(u -> filters.add(all.ownedBy(u.id())));
                    filters.add(all.fromSource("web"));
                    filters.add(all.closingIn(YearMonth.of(2026, 7)));
                    for (DealFilter f : filters) {
                        Optional<String> refused = hiddenFilterField(policy, actor, f);
                        if (refused.isEmpty()) {
                            assertEquals(visible.stream().filter(f::accepts).map(shown).toList(),
                                    readAll(r -> view.deals(f, r), PAGE), who + ", deals(" + f + ")");
                            assertEquals(asShown.board(f), view.board(f), who + ", board(" + f + ")");
                            continue;
                        }
                        assertRefused(actor, refused.get(), () -> view.deals(f, PageRequest.first(PAGE)),
                                who + ", deals(" + f + ")");
                        assertRefused(actor, refused.get(), () -> view.board(f), who + ", board(" + f + ")");
                        if (f.owner().isPresent()) {
                            assertRefused(actor, refused.get(), () -> view.weighted(List.of(pipeline.id()),
                                    f.owner()), who + ", weighted(" + f + ")");
                        }
                        filtersRefused.merge(refused.get(), 1, Integer::sum);
                    }
                    assertEquals(asShown.weighted(List.of(pipeline.id()), Optional.empty()),
                            view.weighted(List.of(pipeline.id()), Optional.empty()),
                            who + ", weighted(" + pipeline.name() + ")");
                }
                if (amountHidden) {
                    assertEquals(new Forecasts(p.stores.pipeline().pipelines(), new Filtered(
                                    p.stores.pipeline().deals(), d -> false)).weighted(List.of(), Optional.empty()),
                            view.forecasts().weighted(List.of(), Optional.empty()),
                            who + ": a hidden amount leaves every weighted value out");
                }
            }
        }
        assertTrue(counts[0] > 0 && counts[1] > 0, "fields were both hidden and shown: " + counts[0] + ", "
                + counts[1]);
        assertTrue(boardsWithoutAmounts > 0, "some boards were counted without amounts");
        assertEquals(Set.of("closeMonth", "owner", "source"), filtersRefused.keySet(),
                "filters on each hideable field were refused: " + filtersRefused);
    }

    /**
     * The parameter of a deal filter that names a field the actor's role hides, if any: such a filter is refused, for
     * the deals it lists would tell the field's value.
     */
    private static Optional<String> hiddenFilterField(AccessPolicy policy, Actor actor, DealFilter f) {
        if (f.owner().isPresent() && hidden(policy, actor, "owner")) {
            return Optional.of("owner");
        }
        if (f.source().isPresent() && hidden(policy, actor, "source")) {
            return Optional.of("source");
        }
        if (f.closeMonth().isPresent() && hidden(policy, actor, "expectedCloseDate")) {
            return Optional.of("closeMonth");
        }
        return Optional.empty();
    }

    private static void assertRefused(Actor actor, String parameter,
                                      org.junit.jupiter.api.function.Executable read, String context) {
        dev.crmkit.core.kernel.ValidationException e = assertThrows(dev.crmkit.core.kernel.ValidationException.class,
                read, context);
        assertEquals(parameter, e.violations().get(0).field(), context);
        assertEquals("hidden-field", e.violations().get(0).rule(), context);
        String field = parameter.equals("closeMonth") ? "expectedCloseDate" : parameter;
        assertTrue(e.getMessage().contains(actor + " may not read field deal." + field + ": "),
                context + ": " + e.getMessage());
    }

    @Test
    void fields_aChangeOfAFieldTheRoleMayOnlyReadOrNotSee_isRefusedNamingTheField_andChangesNothing() {
        int[] made = new int[2]; // moves, new terms
        int[] refusedForField = new int[2];
        int n = 0;
        for (long seed : new long[] {5, 6}) {
            Population p = Population.store(newStore(), seed, true);
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            for (Actor actor : p.pop.actors()) {
                ScopedPipeline view = p.deals.as(actor);
                dev.crmkit.pipeline.definition.Actor mover = p.mover(actor);
                for (int i = actor.hashCode() & 3; i < p.all.size(); i += 4) {
                    Deal before = p.stored(p.all.get(i).id());
                    List<Share> shares = p.pop.sharesOf(record(before).ref());
                    boolean mayEdit = policy.decide(actor, Permission.VIEW, record(before), shares).allowed()
                            && policy.decide(actor, Permission.EDIT, record(before), shares).allowed();
                    String context = actor + ", " + before.id();
                    String target = before.stage().equals("New") ? "Proposal" : "New";
                    boolean move = (n++ & 1) == 0;
                    String field = move ? "stage" : "amount";
                    Money newAmount = Money.of("7" + n + ".05", "EUR");
                    List<dev.crmkit.pipeline.deal.StageHistoryEntry> history = p.deals.history(before.id());
                    Guarded<?> outcome = move ? view.move(MoveDeal.to(before.id(), target, mover))
                            : view.change(Permission.EDIT, before.id(), () -> p.deals.changeTerms(before.id(),
                            Optional.of(newAmount), before.expectedCloseDate(),
                            before.expectedMargin()));
                    Deal after = p.stored(before.id());
                    FieldAccess access = policy.field(actor, new FieldRef(RecordType.DEAL, field));
                    if (mayEdit && access == FieldAccess.EDIT) {
                        assertTrue(outcome.allowed(), context + ": " + outcome);
                        Object value = outcome.value().orElseThrow();
                        Deal returned = value instanceof StageChange.StageChanged c ? c.deal() : (Deal) value;
                        assertEquals(shownAs(policy, actor, after), returned, context + ": the deal as shown");
                        if (!move) {
                            assertEquals(Optional.of(newAmount), after.amount(), context);
                        }
                        made[move ? 0 : 1]++;
                        continue;
                    }
                    assertFalse(outcome.allowed(), context + ": " + outcome);
                    assertEquals(before, after, "a refused change leaves the deal as it was: " + context);
                    assertEquals(history, p.deals.history(before.id()), "a refused change adds no history: " + context);
                    if (mayEdit) {
                        String role = p.pop.organization().user(((Actor.Person) actor).user()).orElseThrow().role()
                                .value();
                        assertEquals(actor + " may not edit field deal." + field + " of deal:" + before.id().value()
                                + ": role " + role + " has " + access + " on deal." + field,
                                outcome.decision().explain(), context);
                        refusedForField[move ? 0 : 1]++;
                    }
                }
            }
        }
        assertTrue(made[0] > 0 && made[1] > 0 && refusedForField[0] > 0 && refusedForField[1] > 0,
                "moves and new terms were made and refused for the field: " + java.util.Arrays.toString(made)
                        + ", " + java.util.Arrays.toString(refusedForField));
    }

    /** crmkit on the stores in region DE, at the fixtures' clock, ids seeded. */
    private static Crm crm(Stores stores, long seed) {
        return Crm.builder().store(stores.crm()).defaultRegion("DE").clock(Fixtures.CLOCK)
                .ids(IdGenerator.seeded(seed)).build();
    }

    /** Stores the roles and users of a small organization in the store's access directory. */
    private static void storeOrganization(Stores stores, List<Role> roles, List<User> users) {
        stores.pipeline().transactions().run(() -> {
            roles.forEach(stores.crm().accessDirectory()::save);
            users.forEach(stores.crm().accessDirectory()::save);
        });
    }

    private static User user(String id, String role) {
        return new User(UserId.of(id), id, Optional.empty(), Optional.empty(), dev.crmkit.core.access.RoleId.of(role));
    }

    @Test
    void move_refusedByAStageRule_namesNoValueOfAFieldTheRoleHides() {
        Stores stores = newStore();
        Crm crm = crm(stores, 41);
        DealPipeline deals = DealPipeline.builder().crm(crm).store(stores.pipeline()).build();
        storeOrganization(stores, List.of(
                Role.builder("rep", "Rep").everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                        .field(RecordType.DEAL, "amount", FieldAccess.HIDDEN)
                        .field(RecordType.DEAL, "lostReason", FieldAccess.HIDDEN).build(),
                Role.builder("head", "Head").everywhere(dev.crmkit.core.access.Scope.EVERYTHING).build()),
                List.of(user("ben", "rep"), user("dana", "head")));
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Rules").stage("New")
                .stage("Proposal", s -> s.rule(dev.crmkit.pipeline.definition.Rules.amountPositive()))
                .won("Won").lost("Lost").requireLostReason("Price", "Timing").build());
        Deal deal = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Fleet", Money.of("-250.75",
                "EUR"), dev.crmkit.pipeline.definition.Actor.of("dana")));
        Map<String, String> seen = new LinkedHashMap<>();
        for (String user : List.of("ben", "dana")) {
            ScopedPipeline view = deals.as(Actor.user(user));
            dev.crmkit.pipeline.definition.Actor mover = dev.crmkit.pipeline.definition.Actor.of(Actor.user(user),
                    stores.crm().accessDirectory().organization(), Set.of());
            StageChange proposal = view.move(MoveDeal.to(deal.id(), "Proposal", mover)).value().orElseThrow();
            StageChange lost = view.move(MoveDeal.to(deal.id(), "Lost", mover).because("Weather")).value()
                    .orElseThrow();
            seen.put(user, ((StageChange.StageChangeRejected) proposal).reasons() + " / "
                    + ((StageChange.StageChangeRejected) lost).reasons());
        }
        assertTrue(seen.get("dana").contains("got EUR -250.75"), "the head sees the amount: " + seen);
        assertTrue(seen.get("dana").contains("'Weather' is not a lost reason"), seen.get("dana"));
        String ben = seen.get("ben");
        assertTrue(ben.contains("entering Proposal needs an amount above zero, got [hidden]"), ben);
        for (String value : List.of("250", "Weather", "Price", "Timing")) {
            assertFalse(ben.contains(value), "the rep reads the hidden " + value + " in " + ben);
        }
        assertTrue(ben.contains("lost-reason"), "the rule is still named: " + ben);
        assertEquals(deal, stores.pipeline().deals().findById(deal.id()).orElseThrow(), "nothing moved");
    }

    @Test
    void timelineAndTasks_ofADeal_onlyIfTheDealIsVisible_privateItemsToTheirOwner_hiddenValuesWithheld() {
        Stores stores = newStore();
        Crm crm = crm(stores, 43);
        DealPipeline deals = DealPipeline.builder().crm(crm).store(stores.pipeline()).build();
        storeOrganization(stores, List.of(
                Role.builder("rep", "Rep").everywhere(dev.crmkit.core.access.Scope.OWN)
                        .field(RecordType.DEAL, "documents", FieldAccess.HIDDEN).build(),
                Role.builder("head", "Head").everywhere(dev.crmkit.core.access.Scope.EVERYTHING).build(),
                Role.builder("clerk", "Clerk").everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                        .field(RecordType.TASK, "relatedTo", FieldAccess.HIDDEN).build()),
                List.of(user("ben", "rep"), user("carla", "rep"), user("dana", "head"), user("erik", "clerk")));
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Sales").stage("New").stage("Proposal")
                .won("Won").lost("Lost").build());
        Deal bens = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Fleet", Money.of("900.00",
                "EUR"), dev.crmkit.pipeline.definition.Actor.of("ben")));
        deals.attachDocument(bens.id(), "contract", "signed-by-acme");
        dev.crmkit.core.kernel.RecordRef ref = new dev.crmkit.core.kernel.RecordRef(RecordType.DEAL,
                bens.id().value());
        Fixtures fx = new Fixtures(43);
        crm.timeline().record(fx.activity(ref).subject("Call with the buyer").occurredAt(at(10)).build());
        crm.timeline().record(fx.activity(ref).subject("Ben's own note").occurredAt(at(11))
                .privateTo(UserId.of("ben")).build());
        crm.timeline().record(fx.activity(ref).subject("Carla's own note").occurredAt(at(12))
                .privateTo(UserId.of("carla")).build());
        crm.tasks().create(dev.crmkit.core.task.NewTask.of("Send the offer", at(100), UserId.of("ben"),
                Optional.of(ref)));
        crm.tasks().create(dev.crmkit.core.task.NewTask.of("Check the credit", at(101), UserId.of("carla"),
                Optional.of(ref)));

        ScopedPipeline ben = deals.as(Actor.user("ben"));
        List<String> bensTimeline = readAll(r -> ben.timeline(bens.id(), r).orElseThrow(), 2).stream()
                .map(dev.crmkit.core.activity.Activity::subject).toList();
        assertTrue(bensTimeline.contains("Call with the buyer") && bensTimeline.contains("Ben's own note"),
                bensTimeline.toString());
        assertFalse(bensTimeline.contains("Carla's own note"), "another's private item: " + bensTimeline);
        assertTrue(bensTimeline.contains("Document [hidden]: [hidden]"), "documents are hidden: " + bensTimeline);
        assertFalse(bensTimeline.toString().contains("signed-by-acme"), bensTimeline.toString());
        assertEquals(List.of("Send the offer"), ben.tasks(bens.id()).orElseThrow().stream()
                .map(dev.crmkit.core.task.Task::title).toList(), "only the tasks ben may view");

        ScopedPipeline carla = deals.as(Actor.user("carla"));
        assertEquals(Optional.empty(), carla.timeline(bens.id(), PageRequest.first(10)), "a hidden deal");
        assertEquals(Optional.empty(), carla.tasks(bens.id()), "a hidden deal's tasks");
        assertEquals(Optional.empty(), ben.timeline(new DealId(new java.util.UUID(7, 7)), PageRequest.first(10)));

        ScopedPipeline dana = deals.as(Actor.user("dana"));
        List<String> danasTimeline = readAll(r -> dana.timeline(bens.id(), r).orElseThrow(), 10).stream()
                .map(dev.crmkit.core.activity.Activity::subject).toList();
        assertTrue(danasTimeline.contains("Document contract: signed-by-acme"), danasTimeline.toString());
        assertFalse(danasTimeline.contains("Ben's own note"), "private to ben, even for his head: " + danasTimeline);
        assertEquals(2, dana.tasks(bens.id()).orElseThrow().size());
        assertEquals(1, dana.timeline(bens.id(), Set.of(dev.crmkit.core.activity.ActivityType.SYSTEM),
                PageRequest.first(10)).orElseThrow().items().stream().filter(a -> a.subject().startsWith("Document"))
                .count());

        dev.crmkit.core.kernel.ValidationException refused = assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, () -> deals.as(Actor.user("erik")).tasks(bens.id()));
        assertEquals("hidden-field", refused.violations().get(0).rule(), refused.getMessage());
    }

    /**
     * A deal's entries (its stage changes, the entry actions' outcomes, its documents, a host's entry about it) are
     * shown without the deal's hidden values on its contact's and its company's timelines as on its own; the head,
     * who sees every field, reads them whole. A view of a Crm that no pipeline registered its deals with withholds
     * those entries whole from the rep. A {@code required-fields} refusal names a missing field the rep's role hides
     * only as "a field ... does not see".
     */
    @Test
    void fields_aDealsEntriesOnItsContactsAndCompanysTimelines_withholdTheDealsHiddenValues() {
        Stores stores = newStore();
        Crm crm = crm(stores, 47);
        storeOrganization(stores, List.of(
                Role.builder("rep", "Rep").everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                        .field(RecordType.DEAL, "amount", FieldAccess.HIDDEN)
                        .field(RecordType.DEAL, "lostReason", FieldAccess.HIDDEN)
                        .field(RecordType.DEAL, "documents", FieldAccess.HIDDEN)
                        .field(RecordType.DEAL, "expectedMargin", FieldAccess.HIDDEN)
                        .field(RecordType.DEAL, "probabilityOverride", FieldAccess.HIDDEN).build(),
                Role.builder("head", "Head").everywhere(dev.crmkit.core.access.Scope.EVERYTHING).build()),
                List.of(user("ben", "rep"), user("dana", "head")));
        DealPipeline deals = DealPipeline.builder().crm(crm).store(stores.pipeline()).build();
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Timeline").skippingAllowed(true)
                .stage("New").stage("Proposal", s -> s.action(dev.crmkit.pipeline.definition.Actions.setProbability(73)))
                .stage("Negotiation", s -> s.rule(dev.crmkit.pipeline.definition.Rules.requiredFields("expectedMargin",
                        "expectedCloseDate")))
                .won("Won").lost("Lost").requireLostReason("Price", "Weather").build());
        dev.crmkit.core.contact.Contact contact = crm.customers().createContact(
                new dev.crmkit.core.customer.NewContact("Bea", "Benson", List.of("bea@kunde.example"), List.of(), "",
                        Optional.empty(), Map.of()));
        dev.crmkit.core.company.Company company = crm.customers().createCompany(
                dev.crmkit.core.customer.NewCompany.of("Acme Tools GmbH", "acme-tools.example"));
        dev.crmkit.pipeline.definition.Actor dana = dev.crmkit.pipeline.definition.Actor.of("dana");
        Deal fleet = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Fleet", Money.of("4321.50",
                "EUR"), dana).about(Optional.of(contact.id()), Optional.of(company.id())));
        Deal vans = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Vans", Money.of("987.25",
                "EUR"), dana).about(Optional.of(contact.id()), Optional.empty()));
        deals.attachDocument(fleet.id(), "contract", "signed-by-acme");
        assertTrue(deals.move(MoveDeal.to(fleet.id(), "Proposal", dana)) instanceof StageChange.StageChanged);
        assertTrue(deals.move(MoveDeal.to(vans.id(), "Lost", dana).because("Weather"))
                instanceof StageChange.StageChanged);
        dev.crmkit.core.kernel.RecordRef contactRef = new dev.crmkit.core.kernel.RecordRef(RecordType.CONTACT,
                contact.id().value());
        dev.crmkit.core.kernel.RecordRef companyRef = new dev.crmkit.core.kernel.RecordRef(RecordType.COMPANY,
                company.id().value());
        Fixtures fx = new Fixtures(4747);
        crm.timeline().record(fx.activity(new dev.crmkit.core.kernel.RecordRef(RecordType.DEAL, vans.id().value()),
                contactRef).subject("Vans lost: Weather").body("we asked EUR 987.25").occurredAt(at(50)).build());

        Map<String, String> seen = new LinkedHashMap<>();
        for (String user : List.of("ben", "dana")) {
            dev.crmkit.core.ScopedCrm view = crm.as(Actor.user(user));
            for (dev.crmkit.core.kernel.RecordRef record : List.of(contactRef, companyRef)) {
                seen.put(user + " " + record.type(), readAll(r -> view.timeline(record, r).orElseThrow(), 2)
                        .stream().map(a -> a.subject() + " | " + a.body()).toList().toString());
            }
            seen.put(user + " DEAL", readAll(r -> deals.as(Actor.user(user)).timeline(fleet.id(), r).orElseThrow(),
                    2).stream().map(a -> a.subject() + " | " + a.body()).toList().toString());
        }
        for (String where : List.of("ben CONTACT", "ben COMPANY", "ben DEAL")) {
            String text = seen.get(where);
            for (String value : List.of("4321.50", "signed-by-acme", "73", "Weather", "987.25")) {
                assertFalse(text.contains(value), where + ": the rep reads the hidden " + value + " in " + text);
            }
            assertTrue(text.contains("Document [hidden]: [hidden]"), where + ": " + text);
            assertTrue(text.contains("probability set to [hidden] %"), where + ": " + text);
            assertTrue(text.contains("Stage New -> Proposal"), where + ": " + text);
        }
        assertTrue(seen.get("ben CONTACT").contains("Vans lost: [hidden] | we asked [hidden]"), seen.toString());
        assertTrue(seen.get("dana CONTACT").contains("Vans lost: Weather | we asked EUR 987.25"), seen.toString());
        for (String where : List.of("dana CONTACT", "dana COMPANY", "dana DEAL")) {
            assertTrue(seen.get(where).contains("Document contract: signed-by-acme")
                    && seen.get(where).contains("probability set to 73 %"), where + ": " + seen.get(where));
        }

        // a Crm that no pipeline registered its deals with cannot read them, so cannot decide whether the actor may
        // view them: their entries are masked, and name no deal
        dev.crmkit.core.ScopedCrm unregistered = Crm.builder().store(stores.crm()).defaultRegion("DE")
                .clock(Fixtures.CLOCK).build().as(Actor.user("ben"));
        List<dev.crmkit.core.activity.Activity> onContact = readAll(r -> unregistered.timeline(contactRef, r)
                .orElseThrow(), 3);
        List<dev.crmkit.core.activity.Activity> aboutDeals = onContact.stream()
                .filter(a -> a.subject().equals(dev.crmkit.core.ScopedCrm.NOT_VISIBLE_ENTRY)).toList();
        assertTrue(aboutDeals.size() >= 6, onContact.toString());
        for (dev.crmkit.core.activity.Activity a : onContact) {
            assertFalse(a.about().stream().anyMatch(x -> x.type() == RecordType.DEAL), a.toString());
        }
        for (dev.crmkit.core.activity.Activity a : aboutDeals) {
            assertEquals(dev.crmkit.core.ScopedCrm.NOT_VISIBLE_ENTRY, a.body(), a.toString());
            assertTrue(a.about().contains(contactRef), a.toString());
        }

        ScopedPipeline ben = deals.as(Actor.user("ben"));
        dev.crmkit.pipeline.definition.Actor benMoves = dev.crmkit.pipeline.definition.Actor.of(Actor.user("ben"),
                stores.crm().accessDirectory().organization(), Set.of());
        String refused = ((StageChange.StageChangeRejected) ben.move(MoveDeal.to(fleet.id(), "Negotiation",
                benMoves)).value().orElseThrow()).reasons().toString();
        assertTrue(refused.contains("entering Negotiation needs values for expectedCloseDate, and a value in a field "
                + "the role of user:ben does not see"), refused);
        assertFalse(refused.contains("expectedMargin"), "the rep's role hides the margin: " + refused);
        String danas = ((StageChange.StageChangeRejected) deals.as(Actor.user("dana")).move(MoveDeal.to(fleet.id(),
                "Negotiation", dev.crmkit.pipeline.definition.Actor.of(Actor.user("dana"),
                        stores.crm().accessDirectory().organization(), Set.of()))).value().orElseThrow())
                .reasons().toString();
        assertTrue(danas.contains("needs values for expectedMargin, expectedCloseDate"), danas);
    }

    /**
     * An entry about a deal the actor may not view (another rep's deal), read on the timeline of a contact or company
     * the actor may view, is kept (the contact's own history) but masked: subject and body are
     * {@link dev.crmkit.core.ScopedCrm#NOT_VISIBLE_ENTRY}, and the deal's ref is gone from {@code about}, so neither
     * its title, nor its amount, nor its id is read. The entries about the actor's own deal and the head's view are
     * whole; the personal-data export of the contact masks them the same way.
     */
    @Test
    void timelineOfAVisibleContactOrCompany_entriesAboutADealTheActorMayNotView_areMaskedAndNameNoDeal() {
        Stores stores = newStore();
        Crm crm = crm(stores, 59);
        storeOrganization(stores, List.of(
                Role.builder("rep", "Rep").everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                        .scope(RecordType.DEAL, dev.crmkit.core.access.Scope.OWN,
                                dev.crmkit.core.access.Permission.values()).build(),
                Role.builder("head", "Head").everywhere(dev.crmkit.core.access.Scope.EVERYTHING).build()),
                List.of(user("carla", "rep"), user("dana", "head")));
        DealPipeline deals = DealPipeline.builder().crm(crm).store(stores.pipeline()).build();
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Shared").skippingAllowed(true)
                .stage("New").stage("Proposal").won("Won").lost("Lost").build());
        dev.crmkit.core.contact.Contact contact = crm.customers().createContact(
                new dev.crmkit.core.customer.NewContact("Bea", "Benson", List.of("bea@kunde.example"), List.of(), "",
                        Optional.empty(), Map.of()));
        dev.crmkit.core.company.Company company = crm.customers().createCompany(
                dev.crmkit.core.customer.NewCompany.of("Acme Tools GmbH", "acme-tools.example"));
        Deal danas = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Secret fleet", Money.of(
                "4321.50", "EUR"), dev.crmkit.pipeline.definition.Actor.of("dana"))
                .about(Optional.of(contact.id()), Optional.of(company.id())));
        Deal carlas = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Open vans", Money.of(
                "987.25", "EUR"), dev.crmkit.pipeline.definition.Actor.of("carla"))
                .about(Optional.of(contact.id()), Optional.empty()));
        assertTrue(deals.move(MoveDeal.to(danas.id(), "Proposal", dev.crmkit.pipeline.definition.Actor.of("dana")))
                instanceof StageChange.StageChanged);
        assertTrue(deals.move(MoveDeal.to(carlas.id(), "Proposal", dev.crmkit.pipeline.definition.Actor.of(
                "carla"))) instanceof StageChange.StageChanged);
        dev.crmkit.core.kernel.RecordRef contactRef = new dev.crmkit.core.kernel.RecordRef(RecordType.CONTACT,
                contact.id().value());
        dev.crmkit.core.kernel.RecordRef companyRef = new dev.crmkit.core.kernel.RecordRef(RecordType.COMPANY,
                company.id().value());
        dev.crmkit.core.kernel.RecordRef danasRef = new dev.crmkit.core.kernel.RecordRef(RecordType.DEAL,
                danas.id().value());
        Fixtures fx = new Fixtures(5959);
        crm.timeline().record(fx.activity(danasRef, contactRef).subject("Secret fleet: quoted EUR 4321.50")
                .body("Bea asked for 12 vans").occurredAt(at(50)).build());

        dev.crmkit.core.ScopedCrm carla = crm.as(Actor.user("carla"));
        dev.crmkit.core.ScopedCrm dana = crm.as(Actor.user("dana"));
        String secretId = danas.id().value().toString();
        for (dev.crmkit.core.kernel.RecordRef record : List.of(contactRef, companyRef)) {
            List<dev.crmkit.core.activity.Activity> seenByCarla = readAll(r -> carla.timeline(record, r).orElseThrow(), 2);
            List<dev.crmkit.core.activity.Activity> seenByDana = readAll(r -> dana.timeline(record, r).orElseThrow(), 2);
            assertEquals(seenByDana.stream().map(dev.crmkit.core.activity.Activity::id).toList(),
                    seenByCarla.stream().map(dev.crmkit.core.activity.Activity::id).toList(),
                    record + ": the entries stay, in order");
            assertTrue(seenByDana.toString().contains(secretId), "the head reads the deal's entries whole: "
                    + seenByDana);
            String text = seenByCarla.toString();
            for (String value : List.of("Secret fleet", "4321.50", "12 vans", secretId)) {
                assertFalse(text.contains(value), record + ": carla reads " + value + " in " + text);
            }
            List<dev.crmkit.core.activity.Activity> masked = seenByCarla.stream()
                    .filter(a -> a.subject().equals(dev.crmkit.core.ScopedCrm.NOT_VISIBLE_ENTRY)).toList();
            long aboutDanas = seenByDana.stream().filter(a -> a.about().contains(danasRef)).count();
            assertTrue(aboutDanas >= (record.equals(contactRef) ? 2 : 1), seenByDana.toString());
            assertEquals(aboutDanas, masked.size(), record + ": " + text);
            for (dev.crmkit.core.activity.Activity a : masked) {
                assertEquals(dev.crmkit.core.ScopedCrm.NOT_VISIBLE_ENTRY, a.body(), a.toString());
                assertTrue(a.about().contains(record) && !a.about().contains(danasRef), a.toString());
                assertEquals(List.of(), a.participants(), a.toString());
            }
            if (record.equals(contactRef)) {
                assertTrue(seenByDana.toString().contains("Secret fleet: quoted EUR 4321.50"), seenByDana.toString());
                assertTrue(text.contains("Open vans") || text.contains(carlas.id().value().toString()),
                        "carla's own deal's entries are whole: " + text);
                assertTrue(seenByCarla.stream().anyMatch(a -> a.about().contains(new dev.crmkit.core.kernel.RecordRef(
                        RecordType.DEAL, carlas.id().value()))), text);
            }
        }
        assertEquals(Optional.empty(), deals.as(Actor.user("carla")).timeline(danas.id(), PageRequest.first(10)),
                "the deal itself is not found");
        dev.crmkit.core.privacy.PersonalRecords exported = carla.exportPersonalData(
                new dev.crmkit.core.privacy.PersonKey.ByContact(contact.id())).orElseThrow()
                .value().orElseThrow();
        String export = exported.timeline().toString();
        assertTrue(export.contains(dev.crmkit.core.ScopedCrm.NOT_VISIBLE_ENTRY), export);
        for (String value : List.of("Secret fleet", "4321.50", "12 vans", secretId)) {
            assertFalse(export.contains(value), "carla's export reads " + value + " in " + export);
        }
    }

    /**
     * A {@code required-fields} refusal is shown as it is only when the rule it is paired with (read again after the
     * move) builds that very message: when the pipeline was revised between the move and that read, the paired rule
     * may miss only fields the rep sees while the refusal names one the rep's role hides; then no field is named.
     */
    @Test
    void move_requiredFieldsRefusal_pairedWithARevisedRule_namesNoField() {
        Stores stores = newStore();
        Crm crm = crm(stores, 53);
        storeOrganization(stores, List.of(Role.builder("rep", "Rep").everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                        .field(RecordType.DEAL, "expectedMargin", FieldAccess.HIDDEN).build()),
                List.of(user("ben", "rep")));
        RevisingStore revising = new RevisingStore(stores.pipeline());
        DealPipeline deals = DealPipeline.builder().crm(crm).store(revising).build();
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Revised").skippingAllowed(true)
                .stage("New").stage("Negotiation", s -> s.rule(dev.crmkit.pipeline.definition.Rules.requiredFields(
                        "expectedMargin"))).won("Won").lost("Lost").build());
        Deal deal = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Fleet", Money.of("100.00",
                "EUR"), dev.crmkit.pipeline.definition.Actor.of("ben")));
        // the revision asks for a field the rep sees, and the deal lacks it too
        revising.revised = pipeline.revisedTo(PipelineDefinition.builder("Revised").skippingAllowed(true)
                .stage("New").stage("Negotiation", s -> s.rule(dev.crmkit.pipeline.definition.Rules.requiredFields(
                        "expectedCloseDate"))).won("Won").lost("Lost").build(), Fixtures.T0);
        revising.reads = 0;

        StageChange change = deals.as(Actor.user("ben")).move(MoveDeal.to(deal.id(), "Negotiation",
                dev.crmkit.pipeline.definition.Actor.of(Actor.user("ben"),
                        stores.crm().accessDirectory().organization(), Set.of()))).value().orElseThrow();

        assertTrue(revising.reads >= 2, "the view read the pipeline again: " + revising.reads);
        String reasons = ((StageChange.StageChangeRejected) change).reasons().toString();
        assertFalse(reasons.contains("expectedMargin"), "the rep's role hides the margin: " + reasons);
        assertFalse(reasons.contains("expectedCloseDate"), "not the revised rule's field: " + reasons);
        assertTrue(reasons.contains("entering Negotiation needs values for fields the pipeline requires"), reasons);
        assertEquals(deal, stores.pipeline().deals().findById(deal.id()).orElseThrow(), "nothing moved");
    }

    /** A store whose pipelines read as {@link #revised} from the second read after {@link #reads} is reset. */
    private static final class RevisingStore implements dev.crmkit.pipeline.PipelineStore {
        private final dev.crmkit.pipeline.PipelineStore store;
        private final dev.crmkit.pipeline.definition.Pipelines pipelines;
        volatile Pipeline revised;
        volatile int reads;

        RevisingStore(dev.crmkit.pipeline.PipelineStore store) {
            this.store = store;
            dev.crmkit.pipeline.definition.Pipelines real = store.pipelines();
            this.pipelines = new dev.crmkit.pipeline.definition.Pipelines() {
                @Override
                public Pipeline insert(Pipeline pipeline) {
                    return real.insert(pipeline);
                }

                @Override
                public Pipeline update(Pipeline pipeline) {
                    return real.update(pipeline);
                }

                @Override
                public Optional<Pipeline> findById(PipelineId id) {
                    Optional<Pipeline> found = real.findById(id);
                    return ++reads >= 2 && revised != null && revised.id().equals(id) ? Optional.of(revised)
                            : found;
                }

                @Override
                public Optional<Pipeline> findByName(String name) {
                    return real.findByName(name);
                }

                @Override
                public Optional<Pipeline> findRevision(PipelineId id, long version) {
                    return real.findRevision(id, version);
                }

                @Override
                public Page<Pipeline> findAll(PageRequest page) {
                    return real.findAll(page);
                }

                @Override
                public void setDefault(PipelineId id) {
                    real.setDefault(id);
                }

                @Override
                public Optional<PipelineId> findDefault() {
                    return real.findDefault();
                }
            };
        }

        @Override
        public dev.crmkit.pipeline.definition.Pipelines pipelines() {
            return pipelines;
        }

        @Override
        public Deals deals() {
            return store.deals();
        }

        @Override
        public dev.crmkit.pipeline.deal.StageHistory stageHistory() {
            return store.stageHistory();
        }

        @Override
        public dev.crmkit.pipeline.deal.VisibleDeals visibleDeals() {
            return store.visibleDeals();
        }

        @Override
        public dev.crmkit.core.kernel.Transactions transactions() {
            return store.transactions();
        }
    }

    /**
     * A {@code required-fields} refusal does not name a missing custom field to a role that hides every custom field
     * of a deal ({@code deal.customFields} as a whole, not field by field): the rep reads the visible missing field and
     * "a field ... does not see", never the custom field's name; the head, who sees everything, reads the rule's
     * message unchanged.
     */
    @Test
    void move_refusedForARequiredCustomField_doesNotNameIt_toARoleHidingEveryCustomField() {
        Stores stores = newStore();
        Crm crm = crm(stores, 53);
        storeOrganization(stores, List.of(
                Role.builder("rep", "Rep").everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                        .field(RecordType.DEAL, "customFields", FieldAccess.HIDDEN).build(),
                Role.builder("head", "Head").everywhere(dev.crmkit.core.access.Scope.EVERYTHING).build()),
                List.of(user("ben", "rep"), user("dana", "head")));
        crm.customers().defineCustomFields(dev.crmkit.core.customfield.CustomFieldSchema.of(RecordType.DEAL,
                dev.crmkit.core.customfield.FieldDefinition.optional("margin",
                        dev.crmkit.core.customfield.FieldType.TEXT)));
        DealPipeline deals = DealPipeline.builder().crm(crm).store(stores.pipeline()).build();
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Custom").skippingAllowed(true)
                .stage("New").stage("Negotiation", s -> s.rule(dev.crmkit.pipeline.definition.Rules.requiredFields(
                        "customFields.margin", "expectedCloseDate")))
                .won("Won").lost("Lost").build(Set.of("margin")));
        Deal deal = deals.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipeline.id(), "Fleet", Money.of("100.00",
                "EUR"), dev.crmkit.pipeline.definition.Actor.of("dana")));
        Map<String, String> seen = new LinkedHashMap<>();
        for (String user : List.of("ben", "dana")) {
            dev.crmkit.pipeline.definition.Actor mover = dev.crmkit.pipeline.definition.Actor.of(Actor.user(user),
                    stores.crm().accessDirectory().organization(), Set.of());
            seen.put(user, ((StageChange.StageChangeRejected) deals.as(Actor.user(user)).move(MoveDeal.to(deal.id(),
                    "Negotiation", mover)).value().orElseThrow()).reasons().toString());
        }
        String ben = seen.get("ben");
        assertTrue(ben.contains("entering Negotiation needs values for expectedCloseDate, and a value in a field "
                + "the role of user:ben does not see"), ben);
        assertFalse(ben.contains("margin"), "the rep's role hides every custom field: " + ben);
        assertTrue(seen.get("dana").contains("entering Negotiation needs values for customFields.margin, "
                + "expectedCloseDate"), seen.get("dana"));
        assertEquals(deal, stores.pipeline().deals().findById(deal.id()).orElseThrow(), "nothing moved");
    }

    /** The fields the roles of a field population get a random access on (stage: READ or EDIT only). */
    private static final List<String> FIELDS = List.of("amount", "expectedMargin", "expectedCloseDate",
            "customFields.margin", "owner", "source");

    private static boolean hidden(AccessPolicy policy, Actor actor, String field) {
        return policy.field(actor, new FieldRef(RecordType.DEAL, field)) == FieldAccess.HIDDEN;
    }

    /** A deal with the fields of {@link #FIELDS} the actor's role hides blanked, written out. */
    private static Deal shownAs(AccessPolicy policy, Actor actor, Deal d) {
        return new Deal(d.id(), d.version(), d.pipelineId(), d.title(), d.stage(), d.stageEnteredAt(),
                d.stageProbability(), d.probabilityOverride(),
                hidden(policy, actor, "amount") ? Optional.empty() : d.amount(),
                hidden(policy, actor, "expectedCloseDate") ? Optional.empty() : d.expectedCloseDate(),
                hidden(policy, actor, "expectedMargin") ? Optional.empty() : d.expectedMargin(),
                hidden(policy, actor, "owner") ? Optional.empty() : d.owner(), d.contactId(), d.companyId(),
                d.leadId(), hidden(policy, actor, "source") ? "" : d.source(),
                hidden(policy, actor, "customFields.margin") ? d.customFields().without("margin") : d.customFields(),
                d.documents(), d.approvals(), d.lostReason(), d.wonAt(), d.lostAt(), d.createdAt(), d.updatedAt());
    }

    private static AccessRecord record(Deal deal) {
        return AccessRecord.of(RecordType.DEAL, deal.id().value(), deal.owner());
    }

    /** The store's deals seen through a predicate, filtered page by page in Java: the reference to compare with. */
    private record Filtered(Deals deals, Predicate<Deal> may, java.util.function.UnaryOperator<Deal> shown)
            implements Deals {

        Filtered(Deals deals, Predicate<Deal> may) {
            this(deals, may, d -> d);
        }

        @Override
        public Deal insert(Deal deal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Deal update(Deal deal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Deal> findById(DealId id) {
            return deals.findById(id).filter(may).map(shown);
        }

        @Override
        public Optional<Deal> lockById(DealId id) {
            return findById(id);
        }

        @Override
        public Page<Deal> find(DealFilter filter, PageRequest page) {
            Page<Deal> all = deals.find(filter, page);
            return new Page<>(all.items().stream().filter(may).map(shown).toList(), all.next());
        }
    }

    /** A generated population of deals stored, with its organization and shares, in the store's list order. */
    private static final class Population {
        final Stores stores;
        final AccessPopulation pop;
        final DealPipeline deals;
        final List<Pipeline> pipelines = new ArrayList<>();
        final List<Deal> all = new ArrayList<>();

        private Population(Stores stores, AccessPopulation pop, DealPipeline deals) {
            this.stores = stores;
            this.pop = pop;
            this.deals = deals;
        }

        /** The actor as the mover of a deal: with their role in the population's organization, no further roles. */
        dev.crmkit.pipeline.definition.Actor mover(Actor actor) {
            return dev.crmkit.pipeline.definition.Actor.of(actor, pop.organization(), Set.of());
        }

        /** The deal as the store holds it now. */
        Deal stored(DealId id) {
            return stores.pipeline().deals().findById(id).orElseThrow();
        }

        static Population store(Stores stores, long seed) {
            return store(stores, seed, false);
        }

        /** With {@code fields}, each role gets a random access on {@link #FIELDS} and deal.stage, and deals values. */
        static Population store(Stores stores, long seed, boolean fields) {
            AccessPopulation generated = AccessPopulation.generate(seed, 60, RecordType.DEAL);
            AccessPopulation pop = fields ? withFieldAccess(generated, seed) : generated;
            Crm crm = crm(stores, seed);
            DealPipeline deals = DealPipeline.builder().crm(crm).store(stores.pipeline()).build();
            Population p = new Population(stores, pop, deals);
            Random random = new Random(seed);
            for (String name : List.of("Direct", "Partner")) {
                p.pipelines.add(deals.definePipeline(PipelineDefinition.builder(name)
                        .stage("New", s -> s.probability(10)).stage("Proposal", s -> s.probability(40))
                        .stage("Negotiation", s -> s.probability(70)).won("Won").lost("Lost").build()));
            }
            stores.pipeline().transactions().run(() -> {
                pop.organization().teams().forEach(stores.crm().accessDirectory()::save);
                pop.organization().roles().forEach(stores.crm().accessDirectory()::save);
                pop.organization().users().forEach(stores.crm().accessDirectory()::save);
                pop.organization().defaults().forEach(stores.crm().accessDirectory()::setDefault);
                pop.shares().forEach(stores.crm().shares()::grant);
                int i = 0;
                for (AccessRecord r : pop.records()) {
                    Pipeline pipeline = p.pipelines.get(random.nextInt(p.pipelines.size()));
                    List<Stage> stages = pipeline.definition().stages();
                    Stage stage = stages.get(random.nextInt(stages.size()));
                    int pick = random.nextInt(5);
                    Optional<Money> amount = pick == 0 ? Optional.empty()
                            : Optional.of(Money.of((100 + random.nextInt(9_000)) + "." + random.nextInt(10) + "5",
                            pick == 1 ? "USD" : "EUR"));
                    Optional<LocalDate> close = random.nextInt(4) == 0 ? Optional.empty()
                            : Optional.of(LocalDate.of(2026, 6 + random.nextInt(3), 1 + random.nextInt(28)));
                    Deal.Builder b = Deal.builder(new DealId(r.ref().id()), pipeline.id(), "Deal " + i,
                            stage.name(), at(i++ / 2))
                            .stageProbability(stage.probability())
                            .terms(amount, close, Optional.empty())
                            .parties(r.owner(), Optional.empty(), Optional.empty(), Optional.empty())
                            .source(random.nextBoolean() ? "web" : "referral");
                    if (random.nextInt(6) == 0) {
                        b.probabilityOverride(random.nextInt(101));
                    }
                    if (fields) {
                        b.terms(amount, close, Optional.of(Money.of((10 + i) + ".50", "EUR")))
                                .customFields(CustomFields.empty().with("margin", new FieldValue.Text("m" + i)));
                    }
                    stores.pipeline().deals().insert(b.build());
                }
            });
            // the store's own order (creation time, then insertion order), which the views keep
            for (Pipeline pipeline : p.pipelines) {
                p.all.addAll(readAll(r -> stores.pipeline().deals().find(DealFilter.pipeline(pipeline.id()), r), 50));
            }
            assertEquals(pop.records().size(), p.all.size());
            return p;
        }

        private static AccessPopulation withFieldAccess(AccessPopulation pop, long seed) {
            Random random = new Random(seed * 31);
            List<Role> roles = new ArrayList<>();
            for (Role r : pop.organization().roles()) {
                Map<FieldRef, FieldAccess> access = new LinkedHashMap<>(r.fields());
                FIELDS.forEach(f -> access.put(new FieldRef(RecordType.DEAL, f),
                        FieldAccess.values()[random.nextInt(3)]));
                access.put(new FieldRef(RecordType.DEAL, "stage"), random.nextBoolean() ? FieldAccess.READ
                        : FieldAccess.EDIT);
                roles.add(new Role(r.id(), r.name(), r.reportsTo(), r.scopes(), access, r.admin()));
            }
            Organization org = Organization.of(pop.organization().users(), pop.organization().teams(), roles,
                    pop.organization().defaults());
            return new AccessPopulation(org, pop.records(), pop.shares(), pop.actors());
        }
    }

}
