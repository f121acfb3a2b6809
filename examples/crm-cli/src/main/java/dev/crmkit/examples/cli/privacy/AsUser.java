package dev.crmkit.examples.cli.privacy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.examples.cli.ActingUser;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Optional;

/**
 * {@code crm --as USER privacy export}: the person's data is exported only when the user may view their contact
 * (else nobody is found under the key, as for a person not stored) and holds {@link Permission#EXPORT} on it (else the
 * command fails with the refusal, which names the permission and the contact); it is refused, too, when the user's role
 * hides a field of a record type the document holds, naming the fields (the document holds every field).
 */
final class AsUser {

    private AsUser() {
    }

    /**
     * The kit the builder makes, acting as the user {@code --as} names (the audit trail records them as the one who
     * exported), or as the builder's default actor without {@code --as}.
     */
    static dev.crmkit.kit.Crmkit kit(CommandSpec spec, dev.crmkit.kit.Crmkit.Builder builder) {
        ActingUser.of(spec).ifPresent(user -> builder.actor(dev.crmkit.core.access.CurrentActor.fixed(
                ActingUser.actor(spec), dev.crmkit.core.access.Origin.API)));
        return builder.build();
    }

    /**
     * Whether the export may go on: always without {@code --as}; with it, when the user may view and export the
     * person's contact.
     *
     * @return false when the user may not view the contact ("not found")
     * @throws IllegalStateException naming the permission and the contact when the user may view but not export it,
     *                               or naming the hidden fields when the user's role hides a field the document holds
     */
    static boolean mayExport(CommandSpec spec, Crm crm, PersonKey key) {
        if (ActingUser.of(spec).isEmpty()) {
            return true;
        }
        Actor actor = ActingUser.actor(spec);
        ActingUser.checkKnown(crm.store(), actor);
        ScopedCrm view = crm.as(actor);
        Optional<Contact> contact = crm.personalData().find(key).flatMap(c -> view.contact(c.id()));
        if (contact.isEmpty()) {
            return false;
        }
        AccessDecision export = view.decide(Permission.EXPORT, new RecordRef(RecordType.CONTACT,
                contact.get().id().value()));
        if (export instanceof AccessDecision.Refused refused) {
            throw new IllegalStateException("privacy export refused: " + refused.explain());
        }
        Optional<AccessDecision.Refused> hidden = dev.crmkit.core.access.ExportAccess.hiddenFields(view.policy(),
                actor, export.what(), dev.crmkit.core.access.ExportAccess.PERSONAL_DATA);
        if (hidden.isPresent()) {
            throw new IllegalStateException("privacy export refused: " + hidden.get().explain());
        }
        return true;
    }
}
