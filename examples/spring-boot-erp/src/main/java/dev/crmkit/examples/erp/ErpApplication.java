package dev.crmkit.examples.erp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small ERP that embeds crmkit through {@code crm-spring-boot-starter}: it has nothing of crmkit's wiring but a
 * {@code DataSource} (from {@code spring.datasource.*}) and {@code crmkit.*} settings.
 */
@SpringBootApplication
public class ErpApplication {

    /** Starts the ERP. */
    public static void main(String[] args) {
        SpringApplication.run(ErpApplication.class, args);
    }
}
