package dev.crmkit.adapters.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import dev.crmkit.pipeline.definition.EntryAction;
import dev.crmkit.pipeline.definition.StageRule;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How Jackson sees crmkit's records and sealed interfaces, without annotations in the domain:
 * <ul>
 *   <li>a record of crmkit is written by its components only: derived methods such as {@code isEmpty()} or
 *       {@code isOpen()} are not properties (they could not be read back);</li>
 *   <li>a sealed interface of crmkit whose alternatives are records is written with a {@code "type"} member naming the
 *       record ({@code {"type":"Text","value":"gold"}}), so a value declared as the interface can be read back. This
 *       applies to the interface as a declared type; a record written as itself carries no tag;</li>
 *   <li>a {@link StageRule} or {@link EntryAction} is tagged the same way with the type name {@link PipelineJson}
 *       knows it by ({@code {"type":"lost-reason","reasons":["price"]}}), including an embedder's own.</li>
 * </ul>
 * Types of the host are left alone.
 */
final class CrmkitIntrospector extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    /** Open interfaces whose record implementations are registered by name: stage rules and entry actions. */
    private final Map<Class<?>, Map<String, ? extends Class<?>>> registered;

    CrmkitIntrospector(PipelineJson pipelines) {
        this.registered = Map.of(StageRule.class, pipelines.ruleTypes(), EntryAction.class, pipelines.actionTypes());
    }

    /** The member that names the alternative. */
    static final String TAG = "type";

    /** Whether a class is a crmkit sealed interface whose permitted subclasses are all records. */
    static boolean applies(Class<?> type) {
        if (!type.isInterface() || !type.isSealed() || !type.getName().startsWith("dev.crmkit.")) {
            return false;
        }
        return Arrays.stream(type.getPermittedSubclasses()).allMatch(Class::isRecord);
    }

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember member) {
        if (!(member instanceof AnnotatedMethod method) || method.getParameterCount() != 0) {
            return false;
        }
        Class<?> owner = method.getDeclaringClass();
        if (!owner.isRecord() || !owner.getName().startsWith("dev.crmkit.")) {
            return false;
        }
        return Arrays.stream(owner.getRecordComponents()).noneMatch(c -> c.getName().equals(method.getName()));
    }

    @Override
    public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
        if (!applies(ac.getRawType()) && !registered.containsKey(ac.getRawType())) {
            return null;
        }
        return new StdTypeResolverBuilder()
                .init(JsonTypeInfo.Id.NAME, null)
                .inclusion(JsonTypeInfo.As.PROPERTY)
                .typeProperty(TAG);
    }

    @Override
    public List<NamedType> findSubtypes(Annotated a) {
        Map<String, ? extends Class<?>> names = registered.get(a.getRawType());
        if (names != null) {
            return names.entrySet().stream().map(e -> new NamedType(e.getValue(), e.getKey())).toList();
        }
        if (!applies(a.getRawType())) {
            return null;
        }
        return Arrays.stream(a.getRawType().getPermittedSubclasses()).map(CrmkitModule::tagged).toList();
    }
}
