package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.HostileInputs;
import dev.lookalike.image.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Hostile and odd uploads, generated here: each gets its own 4xx problem or a 200, never a 5xx, and
 * the server keeps answering. Many large pictures at once are bounded by the decode budget.
 */
@QuarkusTest
@TestProfile(HostileUploadsTest.SmallBudget.class)
class HostileUploadsTest {

  /** A decode budget of one reduced 48-megapixel JPEG at a time, and a short wait for it. */
  public static class SmallBudget extends ApiTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("lookalike.image.max-bytes", "" + 40 * 1024 * 1024);
      config.put("lookalike.image.decode-budget-megapixels", "1");
      config.put("lookalike.image.decode-wait", "200ms");
      config.put("lookalike.sample.limit", "50");
      config.put("quarkus.http.idle-timeout", "2s");
      return config;
    }
  }

  private static Response search(byte[] image) {
    return given()
        .multiPart("image", "upload.bin", image, "application/octet-stream")
        .when()
        .post("/api/search?k=3");
  }

  @Test
  void everyHostileUploadGetsItsStatusAndAProblemNeverA5xx() {
    List<String> wrong = new ArrayList<>();
    for (HostileInputs.Case upload : HostileInputs.all()) {
      Response response = search(upload.bytes());
      int status = response.statusCode();
      if (status != upload.status()) {
        wrong.add(upload.name() + ": " + status + " " + response.asString());
      } else if (status != 200) {
        assertEquals(Problem.MEDIA_TYPE, response.contentType(), upload.name());
        String detail = response.path("detail");
        assertTrue(!detail.contains("Exception") && !detail.contains("dev.lookalike"), detail);
      }
    }
    assertEquals(List.of(), wrong);
    search(TestImages.encode(".png", new Mat(28, 28, CvType.CV_8UC1, new Scalar(90))))
        .then()
        .statusCode(200);
  }

  @Test
  void anUploadThatStopsSendingIsCutOff() throws Exception {
    URI server = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/search HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n"
                  + "--x\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      // Nothing more is sent: the server must close the connection once it has been idle.
      int read;
      do {
        read = socket.getInputStream().read();
      } while (read != -1);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(seconds < 10, "closed after " + seconds + " s");
    } catch (SocketException reset) {
      // A reset is a close too.
    }
  }

  @Test
  void sixteenParallel48MegapixelJpegsAnswer200Or503AndTheServerStaysUp() throws Exception {
    Mat photo = new Mat(6000, 8000, CvType.CV_8UC3);
    Imgproc.rectangle(
        photo,
        new org.opencv.core.Point(1000, 1000),
        new org.opencv.core.Point(7000, 5000),
        new Scalar(40, 160, 220),
        -1);
    byte[] jpeg = TestImages.encode(".jpg", photo, Imgcodecs.IMWRITE_JPEG_QUALITY, 90);
    ExecutorService uploaders = Executors.newFixedThreadPool(16);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        answers.add(uploaders.submit(() -> search(jpeg)));
      }
      Map<Integer, Integer> statuses = new HashMap<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() == 503) {
          assertNotNull(response.header("Retry-After"), "a 503 says when to retry");
          assertEquals("/problems/decoder-busy", response.path("type"));
        }
      }
      assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), "" + statuses);
      assertTrue(statuses.getOrDefault(200, 0) >= 1, "the budget admits work: " + statuses);
    } finally {
      uploaders.shutdownNow();
    }
    search(jpeg).then().statusCode(200);
  }
}
