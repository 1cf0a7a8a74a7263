package dev.vigil.core.model;

/**
 * Where a resource came from. Rules compare resources only within one {@link #scope()}: an account and
 * region for live resources, a template or module for template resources.
 */
public sealed interface Origin permits Origin.Live, Origin.Template {

    /** Resources are related (e.g. a backup selection covers an instance) only within one scope. */
    String scope();

    /** Region where it is known; templates have none. */
    String region();

    /** A resource collected from an AWS account. */
    record Live(String account, String region) implements Origin {
        @Override
        public String scope() {
            return account + "/" + region;
        }
    }

    /** A resource declared in a template file; {@code module} groups resources that can refer to each other. */
    record Template(String file, int line, String module) implements Origin {
        @Override
        public String scope() {
            return module;
        }

        @Override
        public String region() {
            return null;
        }
    }
}
