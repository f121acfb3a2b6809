package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link NameKeyMemo} works each key of a name out once while the same name is asked again, and the memo lives in one
 * unit of work only: a new unit, or a read outside any, starts without the name of the last unit.
 */
class NameKeyMemoTest {

    private static final PersonName KATHY = PersonName.of("Kathy", "Smyth");
    private static final PersonName BILL = PersonName.of("Bill", "Smith");

    @Test
    void theSameNameAskedAgain_isWorkedOutOnce_andAnotherNameAfresh() {
        List<String> asked = new ArrayList<>();
        NameKeyMemo memo = new NameKeyMemo(n -> {
            asked.add(n.first());
            return NameKeys.keysOf(n);
        });
        for (int i = 0; i < 3; i++) {
            assertEquals(NameKeys.nameKey(KATHY), memo.nameKey(PersonName.of("Kathy", "Smyth")));
            assertEquals(NameKeys.nicknameKey(KATHY), memo.nicknameKey(KATHY));
        }
        assertEquals(NameKeys.nicknameKey(BILL), memo.nicknameKey(BILL));
        assertEquals(NameKeys.nameKey(BILL), memo.nameKey(BILL));
        assertEquals(NameKeys.nameKey(KATHY), memo.nameKey(KATHY));
        // both keys of a name from one computation: a name asked for its name key and then its nickname key (as a
        // contact's two indexes and then its lead's ask) is worked out once, not once per key
        assertEquals(List.of("Kathy", "Bill", "Kathy"), asked);
    }

    @Test
    void aMemo_belongsToOneUnitOfWork_andNoReadOutsideOneSharesIt() {
        InMemoryTransactions tx = new InMemoryTransactions();
        NameKeyMemo first = tx.inTransaction(() -> {
            NameKeyMemo memo = tx.nameKeys();
            memo.nameKey(KATHY);
            assertSame(memo, tx.nameKeys(), "one memo for the whole unit");
            assertSame(memo, tx.inTransaction(tx::nameKeys), "a nested call joins the unit");
            return memo;
        });
        NameKeyMemo second = tx.inTransaction(tx::nameKeys);
        assertNotSame(first, second, "a new unit starts without the last unit's name");
        assertNotSame(tx.nameKeys(), tx.nameKeys(), "outside a unit of work nothing is kept");
    }
}
