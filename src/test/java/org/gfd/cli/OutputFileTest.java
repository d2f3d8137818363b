package org.gfd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} and {@code --plot} end as a user expects (issue 7, item 1): devices, FIFOs,
 * symbolic links, hard links and existing modes survive, new files get the umask's mode, and
 * errors name the user's path with the system's reason.
 */
class OutputFileTest {
  private static final String SERIES = "series --nu 2 --max-order 1 --output ";

  /** Runs {@code gfd} with {@code line} split on spaces plus {@code path}; returns exit code and stderr. */
  private static Result run(String line, String... more) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] head = line.strip().split("\\s+");
    String[] args = new String[head.length + more.length];
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(more, 0, args, head.length, more.length);
    int code = GfdCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void devNullStaysADevice() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
    Result r = run(SERIES + "/dev/null");
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS), "/dev/null was replaced by a regular file");
    assertEquals("rw-rw-rw-", mode(devNull));
  }

  @Test
  void fifoIsWrittenNotReplaced(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    Result r = run(SERIES + fifo);
    assertEquals(0, r.code(), r.err());
    String read = reader.get(30, TimeUnit.SECONDS);
    assertTrue(read.contains("c_1 = "), read);
    assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS).isOther(), "the FIFO was replaced");
  }

  @Test
  void symlinkIsFollowedAndKept(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("real.txt");
    Files.writeString(target, "old");
    Path link = dir.resolve("link.txt");
    Files.createSymbolicLink(link, Path.of("real.txt"));
    Result r = run(SERIES + link);
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
    assertTrue(Files.readString(target).contains("c_1 = "));
  }

  @Test
  void danglingSymlinkCreatesItsTarget(@TempDir Path dir) throws IOException {
    Path link = dir.resolve("link.txt");
    Files.createSymbolicLink(link, Path.of("new.txt"));
    Result r = run(SERIES + link);
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(dir.resolve("new.txt")).contains("c_1 = "));
  }

  @Test
  void existingFileKeepsItsModeAndHardLinks(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.txt");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Result r = run(SERIES + file);
    assertEquals(0, r.code(), r.err());
    assertEquals("rw-r--r--", mode(file));
    assertTrue(Files.readString(file).contains("c_1 = "));

    Path other = dir.resolve("other-name.txt");
    Files.createLink(other, file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    Result again = run("series --nu 2 --max-order 2 --output " + file);
    assertEquals(0, again.code(), again.err());
    assertTrue(Files.isSameFile(file, other), "the hard link was broken");
    assertTrue(Files.readString(other).contains("c_2 = "));
    assertEquals("rw-rw----", mode(file));
  }

  @Test
  void newFileGetsTheModeAnOrdinaryOpenGives(@TempDir Path dir) throws IOException {
    Path probe = Files.createFile(dir.resolve("probe")); // the JDK's plain create: 0666 under the umask
    Path file = dir.resolve("new.json");
    Result r = run("series --nu 2 --max-order 1 --format json --output " + file);
    assertEquals(0, r.code(), r.err());
    assertEquals(mode(probe), mode(file));
    try (var names = Files.list(dir)) {
      assertEquals(2, names.count(), "a temporary file was left behind");
    }
  }

  @Test
  void errorsNameTheUsersPathAndTheRealReason(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectory(dir.resolve("adir"));
    Result isDir = run(SERIES + sub);
    assertEquals(2, isDir.code());
    assertTrue(isDir.err().contains(sub.toString()) && isDir.err().contains("is a directory"), isDir.err());
    assertFalse(isDir.err().contains(".tmp"), isDir.err());

    Result noDir = run(SERIES + dir.resolve("missing/out.txt"));
    assertEquals(2, noDir.code());
    assertTrue(noDir.err().contains("no such directory"), noDir.err());
    assertEquals(1, noDir.err().lines().count(), noDir.err());
  }

  @Test
  void procFileSaysWhyNotNoSuchDirectory() {
    assumeTrue(Files.exists(Path.of("/proc/version")));
    Result r = run(SERIES + "/proc/version");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("/proc/version"), r.err());
    assertFalse(r.err().contains("no such"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void outputAndPlotMustDiffer(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("map.png");
    Result r = run("regimes --nu 2 --max-order 2 --output " + file + " --plot " + file);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("different files"), r.err());
    assertFalse(Files.exists(file));
    Path link = dir.resolve("alias.png");
    Files.createSymbolicLink(link, file.getFileName());
    Result viaLink = run("regimes --nu 2 --max-order 2 --output " + link + " --plot " + file);
    assertEquals(2, viaLink.code(), viaLink.err());
  }

  @Test
  void plotIsWrittenBeside(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("map.txt");
    Path png = dir.resolve("map.png");
    Result r = run("regimes --nu 2 --max-order 2 --output " + text + " --plot " + png);
    assertEquals(0, r.code(), r.err());
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));
    assertTrue(Files.readString(text).contains("cell"));
  }
}
