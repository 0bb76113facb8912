package org.openill.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two accounts OpenILL uses on its database: the owner of the schema, which runs the Flyway migrations, and the
 * role the application runs as, which may not change or remove the append-only records (the migrations grant it
 * exactly the rights it needs). On an external database both may be the same account.
 */
public record DatabaseAccounts(DatabaseSettings owner, DatabaseSettings application) {

    /**
     * The accounts from the environment, or null when ILL_DB_URL is not set: ILL_DB_USER and ILL_DB_PASSWORD own the
     * schema; ILL_DB_APP_USER and ILL_DB_APP_PASSWORD, when set, are the role the application runs as.
     */
    public static DatabaseAccounts fromEnvironment(Map<String, String> env) {
        DatabaseSettings owner = DatabaseSettings.fromEnvironment(env);
        if (owner == null) {
            return null;
        }
        String appUser = env.get("ILL_DB_APP_USER");
        if (appUser == null || appUser.isBlank()) {
            return new DatabaseAccounts(owner, owner);
        }
        return new DatabaseAccounts(owner, owner.as(appUser.trim(), env.getOrDefault("ILL_DB_APP_PASSWORD", "")));
    }

    /**
     * The environment WildFly's datasources read (see configure.cli). Secrets go to WildFly this way and never on its
     * command line, where every user of the machine could read them and standalone.sh would evaluate them.
     */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ILL_DB_URL", owner.url());
        env.put("ILL_DB_USER", owner.user());
        env.put("ILL_DB_PASSWORD", owner.password());
        env.put("ILL_DB_APP_USER", application.user());
        env.put("ILL_DB_APP_PASSWORD", application.password());
        return env;
    }

    public String url() {
        return owner.url();
    }

    public boolean separateApplicationRole() {
        return !owner.user().equals(application.user());
    }
}
