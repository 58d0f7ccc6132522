package dev.beak.launch;

/**
 * The runnable jar's entry point, compiled for Java 8 so that any Java can load it: on Java 20 or older
 * it says which Java ran it and where to get 21 or newer (instead of an UnsupportedClassVersionError),
 * else it starts the {@code beak} command.
 */
public final class JavaVersionCheck {
    private JavaVersionCheck() {}

    public static void main(String[] args) throws Exception {
        String spec = System.getProperty("java.specification.version", "0");
        int feature = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec.split("\\.")[0]);
        if (feature < 21) {
            System.err.println("beak: needs Java 21 or newer; this is Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.home") + "). Install JDK 21+ (https://adoptium.net/, or apt-get install openjdk-21-jdk) "
                    + "and run it: /path/to/jdk-21/bin/java -jar beak.jar ...");
            System.exit(1);
        }
        Class.forName("dev.beak.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
