package dev.crmkit.spring;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How many migration scripts crmkit ships for a dialect: what a first start on an empty schema must run. */
final class CrmkitScripts {

    private CrmkitScripts() {
    }

    static int of(String dialect) {
        try {
            return new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/crmkit/" + dialect + "/V*__*.sql").length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
