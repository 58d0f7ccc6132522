/** The workload runner behind {@code beak bench} (and, in its tests, the JMH kernel benchmarks). */
module dev.beak.bench {
    requires transitive dev.beak.nn;
    requires jdk.management;

    exports dev.beak.bench;
}
