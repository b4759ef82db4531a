package io.meerkat.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A child process for {@link JvmProcessTest}: echoes its stdin until "exit" or the end of input.
 */
public final class EchoMain {

  private EchoMain() {}

  public static void main(String[] args) throws IOException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    System.out.println(
        "ready " + String.join(",", args) + " " + System.getProperty("echo.flavour"));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.equals("exit")) {
      System.out.println("echo: " + line);
    }
    System.out.println("bye");
  }
}
