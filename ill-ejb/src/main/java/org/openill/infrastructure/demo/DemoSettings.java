package org.openill.infrastructure.demo;

/** Whether this server runs with the demonstration data: system property ill.demo-data, else ILL_DEMO_DATA (true). */
public final class DemoSettings {

    private DemoSettings() {
    }

    public static boolean demoData() {
        return Boolean.parseBoolean(System.getProperty("ill.demo-data",
                System.getenv().getOrDefault("ILL_DEMO_DATA", "true")));
    }
}
