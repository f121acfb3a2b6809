package dev.crmkit.pipeline.deal;

import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.StageActivities;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A deal's documents: copied from what a caller passes, shared by the deal's own copies (each move makes two). */
class DealDocumentsTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final PipelineDefinition LEADS = Presets.classicLead();

    private static Deal withDocuments(Map<String, String> documents) {
        return Deal.builder(new DealId(new UUID(0, 1)), new PipelineId(new UUID(0, 2)), "Seats", "New", T)
                .paperwork(documents, Set.of()).build();
    }

    @Test
    void copies_shareTheDocumentsOfTheDealTheyCopy() {
        Deal deal = withDocuments(Map.of("offer", "approved", "nda", "signed"));
        StageChange.StageChanged moved = assertInstanceOf(StageChange.StageChanged.class, deal.move(LEADS,
                "Contacted", Actor.of("anna"), Optional.empty(), StageActivities.none(), new UUID(0, 9),
                T.plus(Duration.ofHours(1))));

        assertSame(deal.documents(), moved.deal().documents());
        assertSame(deal.documents(), moved.deal().atVersion(7).documents());
        assertSame(deal.documents(), deal.withTerms(Optional.empty(), Optional.empty(), Optional.empty(), T)
                .documents());
    }

    @Test
    void constructor_copiesACallersMap_sortedByKindAndUnmodifiable() {
        Map<String, String> callers = new HashMap<>(Map.of("offer", "sent", "nda", "signed", "contract", "draft"));
        Deal deal = withDocuments(callers);
        callers.put("offer", "approved");

        assertNotSame(callers, deal.documents());
        assertEquals(new TreeMap<>(Map.of("offer", "sent", "nda", "signed", "contract", "draft")),
                deal.documents());
        assertEquals(List.of("contract", "nda", "offer"), List.copyOf(deal.documents().keySet()));
        assertEquals("{contract=draft, nda=signed, offer=sent}", deal.documents().toString());
        assertEquals(Map.of("contract", "draft", "nda", "signed", "offer", "sent").hashCode(),
                deal.documents().hashCode());
        assertThrows(UnsupportedOperationException.class, () -> deal.documents().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> deal.documents().remove("offer"));
        assertThrows(UnsupportedOperationException.class, () -> deal.documents().keySet().remove("offer"));
        assertThrows(UnsupportedOperationException.class,
                () -> deal.documents().entrySet().iterator().next().setValue("y"));
        assertEquals("sent", deal.documents().get("offer"));
    }

    /**
     * A change that would change nothing is refused too, as the JDK's unmodifiable maps refuse it (review t19 finding
     * L7: the shared map let these pass silently).
     */
    @Test
    void documents_refuseEveryChange_alsoOneThatWouldChangeNothing() {
        Map<String, String> documents = withDocuments(Map.of("offer", "sent")).documents();
        List<Runnable> noOps = List.of(
                () -> documents.remove("absent"),
                () -> documents.remove("absent", "x"),
                () -> documents.putIfAbsent("offer", "sent"),
                () -> documents.putAll(Map.of()),
                () -> documents.replace("absent", "x"),
                () -> documents.replace("absent", "x", "y"),
                () -> documents.replaceAll((kind, document) -> document),
                () -> documents.computeIfAbsent("offer", kind -> "x"),
                () -> documents.computeIfPresent("absent", (kind, document) -> "x"),
                () -> documents.compute("absent", (kind, document) -> null),
                () -> documents.merge("offer", "sent", (a, b) -> a),
                () -> documents.keySet().remove("absent"),
                () -> documents.keySet().removeIf(kind -> false),
                () -> documents.values().remove("absent"),
                () -> documents.values().retainAll(List.of("sent")),
                () -> withDocuments(Map.of()).documents().clear());
        for (int i = 0; i < noOps.size(); i++) {
            assertThrows(UnsupportedOperationException.class, noOps.get(i)::run, "change " + i);
        }
        assertEquals(Map.of("offer", "sent"), documents);
    }

    @Test
    void withDocument_makesNewDocuments_andLeavesTheOriginalAsItWas() {
        Deal deal = withDocuments(Map.of("offer", "sent"));
        Deal changed = deal.withDocument("offer", "approved", T);

        assertEquals(Map.of("offer", "sent"), deal.documents());
        assertEquals(Map.of("offer", "approved"), changed.documents());
        assertEquals(deal.atVersion(0), withDocuments(new TreeMap<>(Map.of("offer", "sent"))));
    }
}
