package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.pipeline.forecast.MoneyTotals;

import java.util.List;

/**
 * The Jackson module for crmkit's types, so a host's {@code ObjectMapper} writes them as an API should and reads back
 * what it wrote:
 * <ul>
 *   <li>{@link Money} as {@code {"amount":"12.50","currency":"EUR"}}: the amount is a string, so its scale survives and
 *       no reader turns it into a binary floating-point number; an amount given as a JSON number is refused;
 *       {@link MoneyTotals} as the list of its totals, one such object per currency;</li>
 *   <li>typed ids ({@code LeadId}, {@code ContactId}, {@code DealId}, {@code UserId}, ...: every record of crmkit named
 *       {@code ...Id} with one component {@code value}), {@code EmailAddress} and {@code WebDomain} as the string their
 *       {@code toString()} writes, also as map keys; {@link PhoneNumber} as its string with any extension
 *       ({@code "+4930901820;ext=12"}), an {@code IdempotencyKey} as its value, a {@code FieldRef} map key as its
 *       {@code toString()} ({@code contact.lostReason});</li>
 *   <li>sealed interfaces of crmkit (the alternatives of a value such as a custom field value) with a {@code "type"}
 *       member naming the record, so they can be read back;</li>
 *   <li>records (values, domain events) by their components only, with {@code Optional} and {@code java.time}
 *       support: the module registers Jackson's {@link Jdk8Module} and {@link JavaTimeModule} too.</li>
 * </ul>
 * Every public value type and domain event of crm-core and crm-pipeline round-trips: written, then read, it is equal to
 * the original. Found by {@code ObjectMapper.findAndRegisterModules()} (it is listed in
 * {@code META-INF/services/com.fasterxml.jackson.databind.Module}); Spring Boot registers it as a bean of the
 * crmkit starter.
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder().addModule(new CrmkitModule()).build();
 * mapper.writeValueAsString(Money.of("12.50", "EUR"));   // {"amount":"12.50","currency":"EUR"}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CrmkitModule extends Module {

    private final PipelineJson pipelines;

    /** The module, knowing the built-in stage rules and entry actions. */
    public CrmkitModule() {
        this(PipelineJson.standard());
    }

    /**
     * The module, knowing the stage rules and entry actions of a pipeline format, an embedder's own among them
     * ({@code PipelineJson.builder().rule("credit-check", CreditCheck.class).build()}).
     */
    public CrmkitModule(PipelineJson pipelines) {
        this.pipelines = java.util.Objects.requireNonNull(pipelines, "pipelines");
    }

    @Override
    public String getModuleName() {
        return "crmkit";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object getTypeId() {
        return CrmkitModule.class.getName();
    }

    @Override
    public Iterable<? extends Module> getDependencies() {
        return List.of(new Jdk8Module(), new JavaTimeModule());
    }

    @Override
    public void setupModule(SetupContext context) {
        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(Money.class, new MoneyFormat.Writer());
        serializers.addSerializer(PhoneNumber.class,
                new TextFormat.Writer<>(PhoneNumber.class, PhoneNumber::toString));
        serializers.addSerializer(IdempotencyKey.class,
                new TextFormat.Writer<>(IdempotencyKey.class, IdempotencyKey::value));
        serializers.addSerializer(MoneyTotals.class, new MoneyTotalsFormat.Writer());
        SimpleDeserializers deserializers = new SimpleDeserializers();
        deserializers.addDeserializer(Money.class, new MoneyFormat.Reader());
        deserializers.addDeserializer(PhoneNumber.class,
                new TextFormat.Reader<>(PhoneNumber.class, PhoneNumber::of));
        deserializers.addDeserializer(IdempotencyKey.class,
                new TextFormat.Reader<>(IdempotencyKey.class, IdempotencyKey::of));
        deserializers.addDeserializer(MoneyTotals.class, new MoneyTotalsFormat.Reader());
        context.addSerializers(serializers);
        context.addDeserializers(deserializers);
        context.addSerializers(new SingleValueFormat.Writers());
        context.addDeserializers(new SingleValueFormat.Readers());
        context.addKeyDeserializers(new SingleValueFormat.KeyReaders());
        context.addKeyDeserializers((type, config, description) -> type.getRawClass() == FieldRef.class
                ? new FieldRefKeys() : null);
        context.insertAnnotationIntrospector(new CrmkitIntrospector(pipelines));
    }

    /** Reads a {@link FieldRef} map key, written by its {@code toString()} ({@code contact.lostReason}). */
    private static final class FieldRefKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return FieldRef.parse(key);
        }
    }

    /** The name a record is tagged with as an alternative of a sealed interface: its simple name. */
    static NamedType tagged(Class<?> record) {
        return new NamedType(record, record.getSimpleName());
    }
}
