package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Secrets in URLs are hidden by where the URL keeps them, never by replacing their text elsewhere. */
class SecretRedactionTest {

    @Test
    void redact_userInfoPassword_keepsTheSameTextInHostUserAndDatabase() {
        assertEquals("jdbc:postgresql://crm:***@crm-db:5432/crm",
                SecretRedaction.redact("jdbc:postgresql://crm:crm@crm-db:5432/crm"));
    }

    @Test
    void redact_userInfoPasswordWithAtSignAndSlash_isHiddenWhole() {
        assertEquals("jdbc:postgresql://anna:***@h:5432/db?ssl=true",
                SecretRedaction.redact("jdbc:postgresql://anna:p@ss/w:rd@h:5432/db?ssl=true"));
    }

    @Test
    void redact_urlWithoutSecrets_isUnchanged() {
        String url = "jdbc:postgresql://127.0.0.1:5432/rel_scratch?user=rel&ApplicationName=rel";
        assertEquals(url, SecretRedaction.redact(url));
    }

    @Test
    void redact_queryParameters_hidesEverySecretByItsName() {
        assertEquals("jdbc:mariadb://pw/pw?user=pw&password=***&sessionToken=***&ssl=true&PWD=***&sslpassword=***",
                SecretRedaction.redact("jdbc:mariadb://pw/pw?user=pw&password=pw&sessionToken=pw-123&ssl=true"
                        + "&PWD=pw&sslpassword=x"));
    }

    @Test
    void redact_h2Properties_hidesThePasswordAndKeepsThePath() {
        assertEquals("jdbc:h2:file:/tmp/secret/crm;USER=secret;PASSWORD=***;MODE=PostgreSQL",
                SecretRedaction.redact("jdbc:h2:file:/tmp/secret/crm;USER=secret;PASSWORD=secret;MODE=PostgreSQL"));
    }

    @Test
    void redact_messageQuotingAUrl_hidesItsSecretsOnly() {
        assertEquals("cannot use jdbc:postgresql://anna:***@h/db: password=*** was refused for anna",
                SecretRedaction.redact("cannot use jdbc:postgresql://anna:anna@h/db: password=anna was refused "
                        + "for anna"));
    }

    @Test
    void redact_null_isEmpty() {
        assertEquals("", SecretRedaction.redact(null));
    }
}
