package io.rebound.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMTP server's own pace, without Rebound: a bare client on one connection sends messages of an alert email's
 * size one after the other and times each from MAIL FROM to the "250" after the data. This is the floor under
 * every email notification-service sends through the same server.
 */
final class SmtpProbe {

    private SmtpProbe() {
    }

    static Map<String, Object> measure(String host, int port, int messages) throws IOException {
        List<Double> millis = new ArrayList<>();
        String body = "Subject: bench probe\r\nFrom: probe@bench.example.org\r\nTo: probe@bench.example.org\r\n\r\n"
                + "x".repeat(76).concat("\r\n").repeat(300);
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            command(out, in, "EHLO bench.example.org");
            for (int i = 0; i < messages; i++) {
                long start = System.nanoTime();
                command(out, in, "MAIL FROM:<probe@bench.example.org>");
                command(out, in, "RCPT TO:<probe@bench.example.org>");
                command(out, in, "DATA");
                out.write((body + "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply(in);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            command(out, in, "QUIT");
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messages", messages);
        json.put("messageBytes", body.length());
        json.put("medianMsPerMessage", Math.round(sorted.get(sorted.size() / 2) * 10) / 10.0);
        json.put("maxMsPerMessage", Math.round(sorted.get(sorted.size() - 1) * 10) / 10.0);
        json.put("messagesPerSecondOneConnection", Math.round(1000 / sorted.get(sorted.size() / 2) * 10) / 10.0);
        return json;
    }

    private static void command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in);
    }

    /** Reads one (possibly multi-line) reply; a 4xx or 5xx ends the probe. */
    private static void reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server closed the connection");
            }
            if (line.startsWith("4") || line.startsWith("5")) {
                throw new IOException("SMTP server refused: " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
