package dev.crmkit.examples.cli.metrics;

import org.junit.jupiter.api.Test;

import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Phases} on a JVM whose operating system bean is not the {@code com.sun.management} one. */
class PhasesTest {

    @Test
    void processCpuNanos_ofABeanThatIsNotComSun_isMinusOneInsteadOfAClassCastException() {
        OperatingSystemMXBean plain = (OperatingSystemMXBean) Proxy.newProxyInstance(
                PhasesTest.class.getClassLoader(), new Class<?>[] {OperatingSystemMXBean.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });

        assertEquals(-1, Phases.processCpuNanos(plain));
    }
}
