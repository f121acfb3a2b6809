package dev.crmkit.examples.cli;

import dev.crmkit.core.access.Actor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Optional;

/**
 * The global {@code crm --as USER} option: who runs the command, as a user of the store's access directory (which
 * {@code crm access demo} fills). Commands that honour it (today {@code crm access list}, {@code crm access timeline},
 * {@code crm access tasks}; {@code crm deal move}, made only if the user may edit the deal; {@code crm pipeline show},
 * whose board, {@code --deals} and {@code --forecast} count the deals the user may see; {@code crm duplicates scan
 * --store} and {@code crm quality}, which see only the contacts / records the user may view, unless the user holds
 * STATISTICS for quality's figures; {@code crm export}, which needs EXPORT over everything; {@code crm privacy
 * export}, which needs EXPORT on the contact; {@code crm team stats} and {@code crm report}, which need STATISTICS)
 * read it here; without it they act as the system actor {@code system:crm}, which may do everything. Every other
 * command refuses it
 * ({@link AsUserGate}, an allow list), those that change records naming the permission they would need.
 */
public final class ActingUser {

    /** The option's name. */
    public static final String OPTION = "--as";

    /** The option's help text. */
    static final String DESCRIPTION = "Run the command as this user of the access directory (crm access demo stores "
            + "one): lists hold only what the user may see (crm access list), boards, deal lists and forecasts "
            + "only their deals (crm pipeline show), a deal move is made by them if they may edit the deal. "
            + "Without it commands act as the system actor system:crm.";

    /** The actor of a command that does not name one. */
    public static final Actor SYSTEM = Actor.system("crm");

    private ActingUser() {
    }

    /** The user {@code crm --as} names, if any, for a command anywhere below {@code crm}. */
    public static Optional<String> of(CommandSpec spec) {
        OptionSpec option = spec.root().findOption(OPTION);
        if (option == null || option.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(option.getValue().toString().strip()).filter(s -> !s.isEmpty());
    }

    /**
     * Fails, naming the user, if the actor is a user the store's access directory does not hold.
     *
     * @throws IllegalArgumentException then
     */
    public static void checkKnown(dev.crmkit.core.CrmStore store, Actor actor) {
        if (actor instanceof Actor.Person p && store.accessDirectory().organization().user(p.user()).isEmpty()) {
            throw new IllegalArgumentException("there is no user " + p.user() + " in the access directory; "
                    + "store the demo's with crm access demo");
        }
    }

    /** The actor {@code crm --as} names: that user, or {@link #SYSTEM}. */
    public static Actor actor(CommandSpec spec) {
        return of(spec).map(Actor::user).orElse(SYSTEM);
    }
}
