package dev.crmkit.examples.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the {@code crm} program, read from the Maven metadata in its jar. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.crmkit/examples/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        String version = "(development build)";
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                version = pom.getProperty("version", version);
            }
        }
        return new String[] {"crm " + version + " (crmkit, Java " + Runtime.version().feature() + ")"};
    }
}
