package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 500, PageRequest.MAX_SIZE})
    void first_acceptsSizesFromOneToMax(int size) {
        PageRequest p = PageRequest.first(size);

        assertEquals(size, p.size());
        assertEquals(Optional.empty(), p.after());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, PageRequest.MAX_SIZE + 1, Integer.MAX_VALUE})
    void first_refusesSizesOutOfBounds(int size) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageRequest.first(size));
        assertTrue(e.getMessage().contains(String.valueOf(size)), e.getMessage());
    }

    @Test
    void after_carriesCursor() {
        PageRequest p = PageRequest.after("c-42", 10);

        assertEquals(Optional.of("c-42"), p.after());
        assertEquals(10, p.size());
    }

    @Test
    void after_refusesNullCursorAndBadSize() {
        assertThrows(NullPointerException.class, () -> PageRequest.after(null, 10));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.after("c", 0));
        assertThrows(NullPointerException.class, () -> new PageRequest(10, null));
    }

    @Test
    void next_followsCursorWithSameSize() {
        Page<String> page = new Page<>(List.of("a", "b"), Optional.of("b"));

        assertEquals(Optional.of(PageRequest.after("b", 2)), PageRequest.first(2).next(page));
    }

    @Test
    void next_emptyAfterLastPage() {
        assertEquals(Optional.empty(), PageRequest.first(2).next(Page.last(List.of("a"))));
    }

    @Test
    void page_copiesItemsAndMaps() {
        java.util.ArrayList<String> items = new java.util.ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, Optional.of("a"));
        items.add("b");

        assertEquals(List.of("a"), page.items());
        assertTrue(page.hasNext());
        assertFalse(Page.last(List.of()).hasNext());
        assertEquals(new Page<>(List.of(1), Optional.of("a")), page.map(String::length));
    }
}
