package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link StoreDump#difference}: what the store-unchanged checks of the hostile-input tests print. */
class StoreDumpDifferenceTest {

    @Test
    void difference_ofEqualDumps_isEmpty() {
        String dump = "== crm_lead\nid=1 | name=Ann\nid=2 | name=Ben\n== crm_task\n";

        assertEquals("", StoreDump.difference(dump, new String(dump.toCharArray())));
    }

    @Test
    void difference_listsTheLinesGone_thenTheLinesNew_eachInItsDumpsOrder() {
        String before = "== crm_lead\nid=1 | name=Ann\nid=2 | name=Ben\nid=3 | name=Cy\n== crm_task\n";
        String after = "== crm_lead\nid=1 | name=Ann\nid=3 | name=Cy\nid=4 | name=Dee\n== crm_task\nid=9 | title=Call\n";

        assertEquals("- id=2 | name=Ben\n+ id=4 | name=Dee\n+ id=9 | title=Call\n",
                StoreDump.difference(before, after));
    }

    @Test
    void difference_ofGrownStore_namesOnlyTheChangedRows() {
        String rows = IntStream.range(0, 5_000).mapToObj(i -> "id=" + i + " | name=n" + i)
                .collect(Collectors.joining("\n", "== crm_lead\n", "\n"));

        assertEquals("- id=4999 | name=n4999\n+ id=4999 | name=changed\n",
                StoreDump.difference(rows, rows.replace("id=4999 | name=n4999", "id=4999 | name=changed")));
        assertEquals("+ id=5000 | name=n5000\n", StoreDump.difference(rows, rows + "id=5000 | name=n5000\n"));
    }
}
