package dev.crmkit.spring;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class CrmkitFlywayDefaultsTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new CrmkitFlywayDefaults().postProcessEnvironment(environment, null);
        return environment;
    }

    @Test
    void noMigrationsOfTheApplication_switchesBootsFlywayOff() {
        assertEquals("false", environment(Map.of()).getProperty("spring.flyway.enabled"));
    }

    @Test
    void migrationsOfTheApplication_leaveBootsFlywayAsItIs() {
        StandardEnvironment environment = environment(Map.of("spring.flyway.locations", "classpath:db/host-migration"));
        assertNull(environment.getProperty("spring.flyway.enabled"));
        assertFalse(environment.getPropertySources().contains(CrmkitFlywayDefaults.SOURCE));
    }

    @Test
    void anExplicitSettingOfTheApplication_wins() {
        assertEquals("true", environment(Map.of("spring.flyway.enabled", "true"))
                .getProperty("spring.flyway.enabled"));
    }

    @Test
    void locationsThatCannotBeChecked_countAsHoldingMigrations() {
        assertNull(environment(Map.of("spring.flyway.locations", "filesystem:/srv/migrations"))
                .getProperty("spring.flyway.enabled"));
        assertNull(environment(Map.of("spring.flyway.locations", "classpath:db/{vendor}"))
                .getProperty("spring.flyway.enabled"));
    }

    @Test
    void anyLocationWithMigrations_isEnough() {
        assertNull(environment(Map.of("spring.flyway.locations", "classpath:db/none,classpath:db/host-migration"))
                .getProperty("spring.flyway.enabled"));
    }
}
