package dev.crmkit.pipeline.definition;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActorTest {

    private static final List<String> BACKWARDS = List.of("sales", "manager", "finance", "admin");

    @Test
    void roles_iterateSorted() {
        assertEquals(List.of("admin", "finance", "manager", "sales"), List.copyOf(Actor.of("anna",
                BACKWARDS.toArray(String[]::new)).roles()));
        assertEquals(List.of("admin", "finance", "manager", "sales"),
                List.copyOf(new Rules.AllowedMovers(new LinkedHashSet<>(BACKWARDS), false).roles()));
    }
}
