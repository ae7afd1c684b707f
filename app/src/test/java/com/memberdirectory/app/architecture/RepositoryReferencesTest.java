package com.memberdirectory.app.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone holds everything its code and docs refer to: a comment or a page citing a document kept beside the
 * repository (the product owner's specification, contract or design notes) sends the reader to a file a clone does
 * not have. The rule a comment relies on is said in the comment or on a page under {@code docs/}.
 */
class RepositoryReferencesTest {

    /** Names of the documents kept outside the repository, and the way their sections were cited. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\\b(?:SPEC|API|DESIGN)\\.md\\b|\\bSPEC\\s*§");
    /** Markdown links, their target up to a title or an anchor. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]*)(?:#[^)\\s]*)?(?:\\s+\"[^\"]*\")?\\)");
    /** A docs page named in a comment or a page, such as docs/limits.md. */
    private static final Pattern DOCS_PAGE = Pattern.compile("\\bdocs/[A-Za-z0-9_-]+\\.md\\b");
    private static final Set<String> TEXT = Set.of("java", "md", "xml", "yml", "yaml", "properties", "sh", "cmd", "txt",
            "json", "sql");

    private static Path root;
    private static List<Path> files;

    @BeforeAll
    static void findFiles() throws IOException {
        root = repositoryRoot();
        files = sourceAndDocs(root);
    }

    @Test
    void no_file_refers_to_documents_outside_the_repository() {
        List<String> found = new ArrayList<>();
        eachLine((file, line) -> {
            if (OUTSIDE.matcher(line.text()).find()) {
                found.add(line.at(file));
            }
        });
        assertThat(found).as("references to documents outside the repository; say the rule itself or point to a "
                + "page under docs/").isEmpty();
    }

    @Test
    void links_and_docs_pages_named_point_to_files_in_the_repository() {
        List<String> broken = new ArrayList<>();
        eachLine((file, line) -> {
            if (file.getFileName().toString().endsWith(".md")) {
                Matcher link = LINK.matcher(line.text());
                while (link.find()) {
                    String target = link.group(1);
                    if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                        continue;
                    }
                    Path resolved = file.getParent().resolve(target).normalize();
                    if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                        broken.add(line.at(file) + "  -> " + target);
                    }
                }
            }
            Matcher page = DOCS_PAGE.matcher(line.text());
            while (page.find()) {
                if (!Files.isRegularFile(root.resolve(page.group()))) {
                    broken.add(line.at(file) + "  -> " + page.group());
                }
            }
        });
        assertThat(broken).as("links and docs pages that are not in the repository").isEmpty();
    }

    private record Line(int number, String text) {
        String at(Path file) {
            return root.relativize(file) + ":" + number + ": " + text.strip();
        }
    }

    private static void eachLine(BiConsumer<Path, Line> check) {
        for (Path file : files) {
            List<String> lines;
            try {
                lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                check.accept(file, new Line(i + 1, lines.get(i)));
            }
        }
    }

    /** The folder holding the Maven wrapper and docs/; tests run in a module's folder, one below it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a folder with mvnw and docs/) above "
                + Path.of("").toAbsolutePath());
    }

    /**
     * The files at the top, under docs/, scripts/ and .ci/, and each module's pom and sources — not build output or
     * the data folders a local run leaves in a module.
     */
    private static List<Path> sourceAndDocs(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path path : top.sorted().toList()) {
                String name = path.getFileName().toString();
                if (Files.isRegularFile(path)) {
                    found.add(path);
                } else if (Set.of("docs", "scripts", ".ci", ".mvn").contains(name)) {
                    found.addAll(walk(path));
                } else if (Files.isRegularFile(path.resolve("pom.xml"))) {
                    found.add(path.resolve("pom.xml"));
                    found.addAll(walk(path.resolve("src")));
                }
            }
        }
        return found.stream().filter(RepositoryReferencesTest::isText).toList();
    }

    private static List<Path> walk(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Text files by their extension; files without one (Dockerfile, mvnw, .ci/run) are scripts and text too. */
    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || TEXT.contains(name.substring(dot + 1));
    }
}
