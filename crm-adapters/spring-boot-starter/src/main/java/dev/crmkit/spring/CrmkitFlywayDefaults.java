package dev.crmkit.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.util.Map;

/**
 * Keeps crmkit's Flyway from switching on Spring Boot's Flyway auto-configuration in an application that does not use
 * Flyway. crmkit brings {@code flyway-core} for its own tables; on its own that jar makes Boot run Flyway over the
 * application's schema, which then refuses a schema that already has tables ("non-empty schema but no schema history
 * table"). So when the application has not set {@code spring.flyway.enabled} and none of its Flyway locations
 * ({@code spring.flyway.locations}, default {@code classpath:db/migration}) holds a migration, this sets
 * {@code spring.flyway.enabled=false} as a default of the lowest precedence. An application with migrations, or one
 * that sets the property, is left exactly as it was. crmkit migrates its own tables in any case, in a history table of
 * its own.
 */
public final class CrmkitFlywayDefaults implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source this adds. */
    public static final String SOURCE = "crmkitFlywayDefaults";

    private static final String DEFAULT_LOCATION = "classpath:db/migration";

    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public CrmkitFlywayDefaults() {
        // nothing to set up
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader loader = application != null && application.getClassLoader() != null
                ? application.getClassLoader() : getClass().getClassLoader();
        if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", loader)
                || environment.containsProperty("spring.flyway.enabled")) {
            return;
        }
        String[] locations = environment.getProperty("spring.flyway.locations", String[].class,
                new String[]{DEFAULT_LOCATION});
        if (!anyMigration(locations, loader)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("spring.flyway.enabled", "false")));
        }
    }

    /** Whether a location may hold migrations; only class path locations can be checked, others count as holding. */
    static boolean anyMigration(String[] locations, ClassLoader loader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        for (String location : locations) {
            String trimmed = location.trim();
            if (!trimmed.startsWith("classpath:") || trimmed.contains("{")) {
                return true;
            }
            String folder = trimmed.substring("classpath:".length()).replaceAll("^/+|/+$", "");
            try {
                for (Resource r : resolver.getResources("classpath*:" + folder + "/**/*")) {
                    String name = r.getFilename();
                    if (name != null && name.contains(".") && r.isReadable()) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return true; // cannot tell: leave Boot's Flyway as it is
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
