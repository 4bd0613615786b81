package org.topograd.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium for tests, driven over the DevTools protocol (the JDK's own WebSocket
 * client; no browser download, no driver): pages are opened as a person would open them, links are
 * followed as a click would follow them (a link the browser would download instead of showing fails
 * to open, with Chromium's own {@code net::ERR_ABORTED}), scripts run in the page, and every console
 * message, uncaught exception and failed load is collected.
 *
 * <p>The browser listens on a port it picks itself, on the loopback address; every wait has a
 * deadline; {@link #close()} ends the browser process this started and its children, by their ids.
 */
final class Browser implements AutoCloseable {
    /** The longest any one step may take; a guard against a browser that hangs, not a timing assertion. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** What opening a page gave: Chromium's error (null when the page loaded), and what it logged meanwhile. */
    record Opened(String url, String error, List<String> console) {}

    private final Process process;
    private final WebSocket socket;
    /** The page's session: every command goes to it, and only its events are collected. */
    private volatile String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final List<String> console = new ArrayList<>();

    private Browser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The chromium command on the PATH, if there is one. */
    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts a headless browser with a profile of its own in {@code scratch} and no network services. */
    static Browser start(Path chromium, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        Path log = scratch.resolve("chromium.log");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        try {
            // Chromium writes the port it chose, and its endpoint, into the profile once it listens.
            Path active = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            List<String> lines = List.of();
            while (lines.size() < 2) {
                if (!process.isAlive()) {
                    throw new IOException("chromium exited with " + process.exitValue() + ": " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("chromium did not start listening within " + DEADLINE);
                }
                Thread.sleep(50); // polling for a file chromium writes, with a deadline
                lines = Files.isRegularFile(active) ? Files.readAllLines(active) : List.of();
            }
            URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(DEADLINE)
                    .buildAsync(endpoint, listener).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            Browser browser = new Browser(process, socket);
            listener.browser = browser;
            String target = browser.send("Target.createTarget", Map.of("url", "about:blank"))
                    .get("targetId").getAsString();
            browser.session = browser.send("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                    .get("sessionId").getAsString();
            for (String domain : List.of("Page", "Runtime", "Log")) {
                browser.send(domain + ".enable", Map.of());
            }
            return browser;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        } catch (Exception e) {
            stop(process);
            throw new IOException("could not talk to chromium: " + e, e);
        }
    }

    /** Opens a URL in the page, as typing it would: waits until it has loaded, or says why it did not. */
    Opened open(String url) throws IOException, InterruptedException {
        synchronized (console) {
            console.clear();
        }
        events.clear();
        JsonObject result = send("Page.navigate", Map.of("url", url));
        if (result.has("errorText")) {
            return new Opened(url, result.get("errorText").getAsString(), console());
        }
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonObject event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IOException("chromium did not finish loading " + url + " within " + DEADLINE);
            }
            if (event.get("method").getAsString().equals("Page.loadEventFired")) {
                // Scripts run at load; a round trip after it lets their console messages arrive first.
                eval("1");
                return new Opened(url, null, console());
            }
        }
    }

    /** Runs JavaScript in the page; its value, as JSON. An exception thrown in the page fails the test. */
    JsonElement eval(String expression) throws IOException, InterruptedException {
        JsonObject result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw: " + result.get("exceptionDetails"));
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : null;
    }

    /** The console messages, uncaught exceptions and failed loads since the page was opened. */
    List<String> console() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    private JsonObject send(String method, Map<String, Object> params) throws IOException, InterruptedException {
        String sessionId = session;
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        if (sessionId != null) {
            message.addProperty("sessionId", sessionId);
        }
        message.addProperty("method", method);
        message.add("params", new com.google.gson.Gson().toJsonTree(params));
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            socket.sendText(message.toString(), true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            JsonObject answer = reply.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + ": " + answer.get("error"));
            }
            return answer.getAsJsonObject("result");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + " got no answer from chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(JsonObject message) {
        if (message.has("id")) {
            CompletableFuture<JsonObject> reply = pending.get(message.get("id").getAsInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        String mine = session;
        if (mine == null || !message.has("sessionId") || !mine.equals(message.get("sessionId").getAsString())) {
            return; // the browser's own events, or another page's
        }
        String method = message.has("method") ? message.get("method").getAsString() : "";
        JsonObject params = message.has("params") ? message.getAsJsonObject("params") : new JsonObject();
        String said = switch (method) {
            case "Runtime.consoleAPICalled" -> "console." + params.get("type").getAsString() + ": " + params.get("args");
            case "Runtime.exceptionThrown" -> "uncaught: " + params.getAsJsonObject("exceptionDetails");
            case "Log.entryAdded" -> "log " + params.getAsJsonObject("entry").get("level").getAsString() + ": "
                    + params.getAsJsonObject("entry").get("text").getAsString() + " "
                    + (params.getAsJsonObject("entry").has("url") ? params.getAsJsonObject("entry").get("url") : "");
            default -> null;
        };
        if (said != null) {
            synchronized (console) {
                console.add(said);
            }
        }
        events.add(message);
    }

    /** Collects a message's parts; hands each whole message to the browser it belongs to. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile Browser browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                Browser to = browser;
                if (to != null) {
                    to.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is ended below either way
        }
        stop(process);
    }

    /** Ends the browser this started, and the processes it started, by their ids; waits for them. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
    }
}
