package dev.crmkit.examples.cli.bench;

import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionGeneratorTest {

    private static final int N = 20_000;

    @Test
    void next_sameSeed_sameSubmissions() {
        SubmissionGenerator a = new SubmissionGenerator(7, 0.3, 0.01);
        SubmissionGenerator b = new SubmissionGenerator(7, 0.3, 0.01);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.next(), b.next());
        }
    }

    @Test
    void next_repeatsAreSpelledDifferentlyButNormalizeToAnEarlierPerson() {
        SubmissionGenerator generator = new SubmissionGenerator(42, 0.3, 0.01);
        Map<Object, Integer> owners = new HashMap<>();
        int people = 0;
        int repeats = 0;
        int differentlySpelled = 0;
        int bad = 0;
        for (int i = 0; i < N; i++) {
            LeadSubmission s = generator.next();
            Optional<EmailAddress> email = EmailAddress.tryParse(s.email());
            Optional<PhoneNumber> phone = PhoneNumber.tryParse(s.phone(), "DE");
            if (email.isEmpty() && phone.isEmpty()) {
                bad++;
                continue;
            }
            assertTrue(s.email().isBlank() || email.isPresent(), "a good e-mail: " + s.email());
            assertTrue(s.phone().isBlank() || phone.isPresent(), "a valid phone: " + s.phone());
            boolean known = email.map(owners::containsKey).orElse(false)
                    || phone.map(owners::containsKey).orElse(false);
            if (known) {
                repeats++;
                if (!s.email().equals(email.map(EmailAddress::value).orElse(""))
                        || s.phone().startsWith("+49") || s.email().isBlank()) {
                    differentlySpelled++;
                }
            } else {
                people++;
            }
            int person = people;
            email.ifPresent(e -> owners.putIfAbsent(e, person));
            phone.ifPresent(p -> owners.putIfAbsent(p, person));
        }
        assertEquals(generator.people(), people, "every new person is new by e-mail and phone");
        assertTrue(Math.abs(repeats - 0.3 * N) < 0.02 * N, "about 30% repeats: " + repeats);
        assertTrue(differentlySpelled > 0.8 * repeats, "repeats are spelled differently: " + differentlySpelled);
        assertTrue(bad > 0.005 * N && bad < 0.015 * N, "about 1% bad: " + bad);
    }

    @Test
    void new_sharesOfOneOrMore_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SubmissionGenerator(1, 0.7, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new SubmissionGenerator(1, -0.1, 0));
    }
}
