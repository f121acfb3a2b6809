package dev.crmkit.kit;

import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.Campaigns;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.scoring.ScoringModel;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.document.DocumentStorage;
import dev.crmkit.service.notification.Notifications;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * crmkit wired once: one store, one clock, one id generator and one event subscriber, and from them the entry point
 * of every module. Immutable and thread-safe; build one per store and share it.
 *
 * <pre>{@code
 * Crmkit crmkit = Crmkit.builder()
 *         .store(InMemoryCrmStore.create())        // or JdbcCrmStore.builder(dataSource).build()
 *         .defaultRegion("DE")
 *         .build();
 * crmkit.crm().capture().capture(submission);     // customers, leads, timeline, tasks, scoring, assignment
 * crmkit.pipelines().open(OpenDeal.of(...));      // pipelines, deals, forecasts
 * crmkit.service().install(InstallEquipment.of(...)); // equipment, service plans, visits, commitments
 * }</pre>
 *
 * <p>Campaigns (crm-campaigns, an optional dependency the host adds) are wired when the builder is given a
 * {@linkplain Builder#campaignChannel channel}: {@code crmkit.campaigns().run("node-1").run(day, recipients)}.
 *
 * <p>The store is given once and its type says it serves every module, so nothing has to be cast or checked at run
 * time. Hosts that use crm-core alone can still call {@link Crm#builder()} directly.
 */
public final class Crmkit {

    private final CrmkitStore store;
    private final Crm crm;
    private final DealPipeline pipelines;
    private final ServiceDesk service;
    private final Campaigns campaigns;

    private Crmkit(CrmkitStore store, Crm crm, DealPipeline pipelines, ServiceDesk service, Campaigns campaigns) {
        this.store = store;
        this.crm = crm;
        this.pipelines = pipelines;
        this.service = service;
        this.campaigns = campaigns;
    }

    /** Starts wiring crmkit. */
    public static Builder builder() {
        return new Builder();
    }

    /** The store everything is kept in. */
    public CrmkitStore store() {
        return store;
    }

    /** crm-core's entry point: people and companies, leads and their capture, timeline, tasks, scoring, assignment. */
    public Crm crm() {
        return crm;
    }

    /** crm-pipeline's entry point: pipelines, deals, stage moves, boards and forecasts. */
    public DealPipeline pipelines() {
        return pipelines;
    }

    /** crm-service's entry point: installed equipment, service plans, requests, visits, commitments. */
    public ServiceDesk service() {
        return service;
    }

    /**
     * The export of a person's data from every module (crm-core's records, deals, service records); the erasure is
     * {@code crm().personalData().erase(...)}, which covers every table of the store. Cheap to call.
     */
    public dev.crmkit.kit.privacy.PersonalDataExports personalDataExports() {
        return new dev.crmkit.kit.privacy.PersonalDataExports(crm, store);
    }

    /**
     * crm-campaigns' entry point on the store's {@linkplain CrmkitStore#campaignStores() campaign stores}: the message
     * ledger, the do-not-contact list and sending runs through the builder's channel.
     *
     * @throws IllegalStateException naming {@code campaignChannel} if the builder was given none
     */
    public Campaigns campaigns() {
        if (campaigns == null) {
            throw new IllegalStateException("campaignChannel was not set: call campaignChannel(...) on Crmkit.builder()"
                    + ", for example with SmtpChannel or EmlFolderChannel from crm-adapters-mail, to use campaigns");
        }
        return campaigns;
    }

    /**
     * Wires crmkit. Each setting may be set once (a second call fails, naming it); {@link #build()} fails fast,
     * naming a required setting that is missing. Not thread-safe.
     */
    public static final class Builder {
        private final Crm.Builder crm = Crm.builder();
        private CrmkitStore store;
        private final ServiceDesk.Builder service = ServiceDesk.builder();
        private Clock clock = Clock.systemUTC();
        private MessageChannel campaignChannel;
        private TemplateLibrary campaignTemplates;
        private FrequencyCaps campaignCaps;

        private Builder() {
        }

        /** How customers are told about their service visits (default: not at all); see {@link Notifications}. */
        public Builder notifications(Notifications value) {
            service.notifications(value);
            return this;
        }

        /** Where the bytes of visit photos and certificates go (default: none); see {@link DocumentStorage}. */
        public Builder documentStorage(DocumentStorage value) {
            service.documentStorage(value);
            return this;
        }

        /** The least time between two visits of one engineer (default: none). */
        public Builder travelTime(java.time.Duration value) {
            service.travelTime(value);
            return this;
        }

        /** Required: where everything is stored, for example {@code InMemoryCrmStore.create()}. */
        public Builder store(CrmkitStore value) {
            if (store != null) {
                throw new IllegalStateException("store was already set to " + store);
            }
            store = Objects.requireNonNull(value, "store");
            crm.store(value);
            return this;
        }

        /** Required: the ISO 3166 region phone numbers without a country code are read in, for example {@code DE}. */
        public Builder defaultRegion(String value) {
            crm.defaultRegion(value);
            return this;
        }

        /** The clock all times come from; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            crm.clock(value);
            clock = value;
            return this;
        }

        /** Where new ids come from, for every module; default {@link IdGenerator#random()}. */
        public Builder ids(IdGenerator value) {
            crm.ids(value);
            return this;
        }

        /** Who receives every module's domain events after each unit of work commits; default nobody. */
        public Builder events(DomainEvents value) {
            crm.events(value);
            return this;
        }

        /** A host's Jakarta validator for commands entering crmkit; default crmkit's own checks. */
        public Builder validator(Validator value) {
            crm.validator(value);
            return this;
        }

        /** The free mail domains that never make a company; default the bundled list. */
        public Builder publicEmailDomains(Set<String> value) {
            crm.publicEmailDomains(value);
            return this;
        }

        /** When the follow-up task of a new lead's owner is due; default 24 hours; zero turns it off. */
        public Builder followUpWithin(Duration value) {
            crm.followUpWithin(value);
            return this;
        }

        /** The lead scoring model; default {@link ScoringModel#standard()}. */
        public Builder scoringModel(ScoringModel value) {
            crm.scoringModel(value);
            return this;
        }

        /** Rescore a lead whenever something relevant to it has committed (see {@link Crm.Builder#rescoreOnEvents}). */
        public Builder rescoreOnEvents() {
            crm.rescoreOnEvents();
            return this;
        }

        /**
         * The channel campaign messages leave through (crm-campaigns on the class path); without it
         * {@link Crmkit#campaigns()} fails.
         */
        public Builder campaignChannel(MessageChannel value) {
            if (campaignChannel != null) {
                throw new IllegalStateException("campaignChannel was already set to " + campaignChannel);
            }
            campaignChannel = Objects.requireNonNull(value, "campaignChannel");
            return this;
        }

        /** The campaign templates; default {@code StandardTemplates.library()}. Needs a campaign channel. */
        public Builder campaignTemplates(TemplateLibrary value) {
            if (campaignTemplates != null) {
                throw new IllegalStateException("campaignTemplates was already set to " + campaignTemplates);
            }
            campaignTemplates = Objects.requireNonNull(value, "campaignTemplates");
            return this;
        }

        /** The campaigns' frequency caps; default {@code FrequencyCaps.standard()}. Needs a campaign channel. */
        public Builder campaignCaps(FrequencyCaps value) {
            if (campaignCaps != null) {
                throw new IllegalStateException("campaignCaps was already set to " + campaignCaps);
            }
            campaignCaps = Objects.requireNonNull(value, "campaignCaps");
            return this;
        }

        /**
         * See {@link Crm.Builder#actor}: who is acting, as the audit trail records it (an export, an erasure, a
         * change); default the system actor {@code host} through the API.
         */
        public Builder actor(dev.crmkit.core.access.CurrentActor value) {
            crm.actor(value);
            return this;
        }

        /** See {@link Crm.Builder#suppressionSalt}: the secret salt of the suppression list of erased people. */
        public Builder suppressionSalt(byte[] value) {
            crm.suppressionSalt(value);
            return this;
        }

        /**
         * Wires every module on the store.
         *
         * @throws IllegalStateException naming the first required setting that is missing, or a contradiction (see
         *                               {@link Crm.Builder#build()})
         */
        public Crmkit build() {
            if (store == null) {
                throw new IllegalStateException("store was not set: call store(...), for example with "
                        + "InMemoryCrmStore.create() from crm-adapters-memory or JdbcCrmStore.builder(dataSource)"
                        + ".build() from crm-adapters-jdbc");
            }
            if (campaignChannel == null && (campaignTemplates != null || campaignCaps != null)) {
                throw new IllegalStateException("campaignChannel was not set: campaign"
                        + (campaignTemplates != null ? "Templates" : "Caps") + " was given, so call "
                        + "campaignChannel(...) too, for example with SmtpChannel from crm-adapters-mail");
            }
            Crm core = crm.build();
            DealPipeline pipelines = DealPipeline.builder().crm(core).store(store).build();
            Campaigns campaigns = campaignChannel == null ? null
                    : CampaignWiring.wire(store, campaignChannel, campaignTemplates, campaignCaps, clock);
            return new Crmkit(store, core, pipelines, service.crm(core).store(store).build(), campaigns);
        }
    }

    /** Touches crm-campaigns' classes only when a host wires campaigns, so hosts without it load none of them. */
    private static final class CampaignWiring {
        private CampaignWiring() {
        }

        static Campaigns wire(CrmkitStore store, MessageChannel channel, TemplateLibrary templates,
                FrequencyCaps caps, Clock clock) {
            return new Campaigns(store.campaignStores(), channel,
                    templates != null ? templates : StandardTemplates.library(),
                    caps != null ? caps : FrequencyCaps.standard(), clock);
        }
    }
}
