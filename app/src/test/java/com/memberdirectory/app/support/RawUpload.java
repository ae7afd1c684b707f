package com.memberdirectory.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * An upload written by hand on its own connection: the headers announce a body (a multipart file, or JSON) of a
 * given size, and the test sends as much of it as it chooses, when it chooses to — a slow or stalled uploader.
 */
public final class RawUpload implements AutoCloseable {

    private static final String BOUNDARY = "raw-upload-boundary";
    private static final byte[] END = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private long unsent;

    private RawUpload(Socket socket, long unsent) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.unsent = unsent;
    }

    /** Sends the request line, the headers and the part's header of a file of {@code fileSize} bytes, none of them yet. */
    public static RawUpload start(int port, String token, String path, long fileSize) {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"raw.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        return open(port, token, "POST", path, "multipart/form-data; boundary=" + BOUNDARY,
                part.length() + fileSize + END.length, part, fileSize);
    }

    /**
     * Sends the request line and headers of a JSON body of {@code size} bytes, none of it yet (sent with
     * {@link #trickle}, as spaces).
     */
    public static RawUpload json(int port, String token, String method, String path, long size) {
        return body(port, token, method, path, "application/json", size);
    }

    /**
     * Sends the request line and headers of a body of {@code contentType} and {@code size} bytes, none of it yet: how
     * a test sees a body refused by its announced size, before it is sent. (A client that sends the body at once may
     * see the connection reset by the refusal before it reads the answer.)
     */
    public static RawUpload body(int port, String token, String method, String path, String contentType, long size) {
        return open(port, token, method, path, contentType, size, "", size);
    }

    /** Opens the connection and sends the head and {@code start} of the body; {@code unsent} bytes are left to send. */
    private static RawUpload open(int port, String token, String method, String path, String contentType,
                                  long contentLength, String start, long unsent) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n" + start;
        try {
            RawUpload upload = new RawUpload(new Socket("localhost", port), unsent);
            upload.out.write(head.getBytes(StandardCharsets.US_ASCII));
            upload.out.flush();
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few more bytes of the body (spaces); false once the service has closed the connection. */
    public boolean trickle(int bytes) {
        int now = (int) Math.min(bytes, unsent);
        try {
            byte[] spaces = new byte[now];
            Arrays.fill(spaces, (byte) ' ');
            out.write(spaces);
            out.flush();
            unsent -= now;
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The rest of the file and the end of the multipart body: the upload is complete. */
    public void finish() {
        while (unsent > 0) {
            if (!trickle(64 * 1024)) {
                return;
            }
        }
        try {
            out.write(END);
            out.flush();
        } catch (IOException closed) {
            // answered already
        }
    }

    /**
     * The status line the service answered with, "closed" when it closed the connection without an answer, or null
     * when nothing came within {@code wait}.
     */
    public String answer(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.isEmpty() ? "closed" : line.toString().strip();
        } catch (SocketTimeoutException nothingYet) {
            return null;
        } catch (IOException reset) {
            return "closed";
        }
    }

    /**
     * The whole answer as text, status line, headers and body, read until the service closes the connection or
     * nothing more comes within {@code wait}: what an answer refusing a body without reading it holds.
     */
    public String wholeAnswer(Duration wait) {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        try {
            socket.setSoTimeout((int) wait.toMillis());
            socket.getInputStream().transferTo(answer);
        } catch (IOException closedOrQuiet) {
            // what came until then is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
