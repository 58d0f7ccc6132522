/**
 * Watching and using a model over HTTP: the live training page and its run folder
 * ({@link dev.beak.web.live}), {@code beak serve}'s JSON API and drawing page ({@link dev.beak.web.serve}),
 * and TensorBoard event files ({@link dev.beak.web.tensorboard}). The server is the JDK's own
 * {@code com.sun.net.httpserver}: no dependency to add, and enough for a loopback page and a small API.
 */
module dev.beak.web {
    requires transitive dev.beak.io;
    requires transitive dev.beak.viz;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;

    exports dev.beak.web;
    exports dev.beak.web.live;
    exports dev.beak.web.serve;
    exports dev.beak.web.tensorboard;

}
