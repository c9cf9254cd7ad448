package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.encoder.Devices;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.encoder.VaeManifest;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvVae;
import dev.lookalike.training.objective.Corruption;
import dev.lookalike.training.objective.VaeLoss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a tiny VAE for a few epochs, writes it, reloads it; checks the loss terms. */
public class VaeTrainingTest {

  private static final ImageSpec SPEC = new ImageSpec(16, 1);

  public static VaeTraining.Request request(int epochs, float beta, int annealEpochs) {
    return request(epochs, beta, annealEpochs, 3);
  }

  private static VaeTraining.Request request(int epochs, float beta, int annealEpochs, int seed) {
    return new VaeTraining.Request(
        "squares",
        InputChoice.given(SPEC),
        6,
        4,
        new VaeOptions(common(epochs, seed), beta, annealEpochs),
        "test");
  }

  private static TrainingOptions common(int epochs, int seed) {
    return new TrainingOptions(epochs, 16, 0.003f, 0.25, seed, Corruption.parse("none"));
  }

  @Test
  void trainsWithAnnealingWritesAndReloadsToIdenticalMeans(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(128, 16, 1);
    List<VaeEpochStats> epochs = new ArrayList<>();
    VaeManifest manifest =
        new VaeTraining().train(request(5, 1f, 3), images, dir, epochs::add).manifest();

    assertEquals(5, epochs.size());
    assertEquals(0.0, epochs.get(0).klWeight(), "no KL pressure in the first epoch");
    assertEquals(0.5, epochs.get(1).klWeight(), 1e-6);
    assertEquals(1.0, epochs.get(2).klWeight(), 1e-6);
    assertEquals(1.0, epochs.get(4).klWeight(), 1e-6);
    VaeEpochStats first = epochs.get(0);
    VaeEpochStats last = epochs.get(4);
    double firstLoss = first.trainReconstruction() + first.klWeight() * first.trainKl();
    double lastLoss = last.trainReconstruction() + last.klWeight() * last.trainKl();
    assertTrue(lastLoss < firstLoss, "training loss falls: " + epochs);
    assertTrue(
        last.trainReconstruction() < first.trainReconstruction(),
        "reconstruction improves: " + epochs);
    for (VaeEpochStats epoch : epochs) {
      assertTrue(epoch.trainKl() > 0 && Double.isFinite(epoch.trainKl()), "train KL: " + epoch);
      assertTrue(
          epoch.validationKl() > 0 && Double.isFinite(epoch.validationKl()),
          "validation KL: " + epoch);
      assertEquals(
          -(epoch.validationReconstruction() + epoch.validationKl()), epoch.validationElbo(), 1e-9);
      assertTrue(epoch.imagesPerSecond() > 0);
    }
    assertEquals(96, manifest.training().trainImages());
    assertEquals(32, manifest.training().validationImages());
    assertEquals(VaeManifest.CONV_VAE, manifest.architecture());
    assertEquals(1f, manifest.beta());
    assertEquals(3, manifest.annealEpochs());
    assertTrue(Files.isRegularFile(dir.resolve(ModelFiles.MANIFEST)));
    assertTrue(Files.isRegularFile(dir.resolve(ModelFiles.WEIGHTS)));

    try (VaeModel a = VaeModel.load(ModelSource.directory(dir));
        VaeModel b = VaeModel.load(ModelSource.directory(dir))) {
      assertEquals(a.fingerprint(), b.fingerprint());
      assertEquals(SPEC, a.spec());
      assertEquals(6, a.latent());
      // the history survives the round trip through model.json with its record type
      assertEquals(epochs, a.manifest().training().history());
      assertInstanceOf(VaeEpochStats.class, a.manifest().training().history().get(0));
      List<VaeModel.Posterior> fromA = a.encode(images.subList(0, 10));
      List<VaeModel.Posterior> fromB = b.encode(images.subList(0, 10));
      for (int i = 0; i < fromA.size(); i++) {
        assertArrayEquals(fromA.get(i).mean(), fromB.get(i).mean(), "same image, same μ");
        assertArrayEquals(fromA.get(i).logVariance(), fromB.get(i).logVariance());
        assertEquals(6, fromA.get(i).mean().length);
      }
      assertArrayEquals(
          fromA.get(3).mean(), a.encode(images.get(3)).mean(), 1e-5f, "batch and single agree");
      FloatImage decoded = a.decode(fromA.get(0).mean());
      assertTrue(decoded.matches(SPEC));
    }
  }

  @Test
  void annealingRisesLinearlyFromZero() {
    assertEquals(0f, VaeLoss.annealing(1, 5));
    assertEquals(0.25f, VaeLoss.annealing(2, 5));
    assertEquals(1f, VaeLoss.annealing(5, 5));
    assertEquals(1f, VaeLoss.annealing(50, 5));
    assertEquals(1f, VaeLoss.annealing(1, 0), "0 anneal epochs: no annealing");
    assertEquals(1f, VaeLoss.annealing(1, 1));
    VaeOptions betaVae = new VaeOptions(common(1, 3), 4f, 2);
    assertEquals(0f, betaVae.klWeight(1));
    assertEquals(4f, betaVae.klWeight(2), "β times the annealing factor");
    assertEquals(VaeOptions.DEFAULT_ANNEAL_EPOCHS, new VaeOptions(common(1, 3), 1f).annealEpochs());
  }

  @Test
  void lossTermsMatchTheirFormulas() {
    try (NDManager manager = NDManager.newBaseManager(Devices.preferred())) {
      // KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + σ² − 1 − log σ²): 0 at the prior; μ = 1, σ = 1 gives ½;
      // μ = 0, log σ² = 1 gives ½(e − 2)
      var mean = manager.create(new float[] {0, 0, 1, 0, 0, 0}, new Shape(3, 2));
      var logVariance = manager.create(new float[] {0, 0, 0, 0, 1, 0}, new Shape(3, 2));
      assertArrayEquals(
          new float[] {0f, 0.5f, (float) (0.5 * (Math.E - 2))},
          VaeLoss.divergence(mean, logVariance).toFloatArray(),
          1e-6f);
      var images = manager.zeros(new Shape(2, 1, 2, 2));
      var reconstructions =
          manager.create(new float[] {1, 1, 0, 0, 0.5f, 0, 0, 0}, images.getShape());
      assertArrayEquals(
          new float[] {2f, 0.25f},
          VaeLoss.reconstruction(images, reconstructions).toFloatArray(),
          1e-6f);
      var terms =
          new VaeLoss.Terms(
              manager.create(new float[] {2f, 4f}), manager.create(new float[] {1f, 3f}));
      assertEquals(3f + 4f * 2f, new VaeLoss(4f).objective(terms).getFloat(), 1e-6f);
    }
  }

  @Test
  void badOptionsAndImagesAreRefusedWithTheValue(@TempDir Path dir) {
    TrainingOptions common = common(1, 3);
    IllegalArgumentException beta =
        assertThrows(IllegalArgumentException.class, () -> new VaeOptions(common, 0f, 5));
    assertTrue(
        beta.getMessage().contains("beta") && beta.getMessage().contains("0.0"), beta.getMessage());
    IllegalArgumentException anneal =
        assertThrows(IllegalArgumentException.class, () -> new VaeOptions(common, 1f, -1));
    assertTrue(anneal.getMessage().contains("-1"), anneal.getMessage());
    IllegalArgumentException latent =
        assertThrows(IllegalArgumentException.class, () -> new ConvVae(SPEC, 1, 4));
    assertTrue(latent.getMessage().contains("latent"), latent.getMessage());
    List<FloatImage> wrong = TinyImages.squares(8, 20, 1);
    IllegalArgumentException size =
        assertThrows(
            IllegalArgumentException.class,
            () -> new VaeTraining().train(request(1, 1f, 0), wrong, dir, s -> {}));
    assertTrue(size.getMessage().contains("20x20"), size.getMessage());
  }

  @Test
  void eachLoaderRefusesTheOtherArchitecture() {
    UncheckedIOException vae =
        assertThrows(UncheckedIOException.class, () -> VaeModel.load(ModelSource.shipped()));
    assertTrue(
        vae.getMessage().contains("conv-dae") && vae.getMessage().contains("conv-vae"),
        vae.getMessage());
  }

  /**
   * Seeded runs draw the same initial weights and the same ε: two runs with one seed end far closer
   * to each other than to a run with another seed. Not equality, even to rounding: oneDNN may sum
   * in another order from one run to the next, and twice in one day's clean-clone CI the same seed
   * gave training losses 0.7 % apart (never here in 25 runs of this class alone); a broken seed
   * puts the two runs as far apart as two seeds.
   */
  @Test
  void theSameSeedDrawsTheSameEpsilonsAndWeights(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(48, 16, 2);
    List<float[]> means = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    int[] seeds = {3, 3, 4};
    for (int run = 0; run < seeds.length; run++) {
      List<VaeEpochStats> history = new ArrayList<>();
      VaeTraining.Request request = request(2, 1f, 0, seeds[run]);
      new VaeTraining().train(request, images, dir.resolve("run" + run), history::add);
      losses.add(history.get(1).trainReconstruction());
      try (VaeModel model = VaeModel.load(ModelSource.directory(dir.resolve("run" + run)))) {
        List<VaeModel.Posterior> posteriors = model.encode(images.subList(0, 8));
        float[] flat = new float[0];
        for (VaeModel.Posterior posterior : posteriors) {
          float[] joined = Arrays.copyOf(flat, flat.length + posterior.mean().length);
          System.arraycopy(posterior.mean(), 0, joined, flat.length, posterior.mean().length);
          flat = joined;
        }
        means.add(flat);
      }
    }
    double sameSeed = distance(means.get(0), means.get(1));
    double otherSeed = distance(means.get(0), means.get(2));
    assertTrue(sameSeed < 0.1 * otherSeed, "same seed " + sameSeed + ", other " + otherSeed);
    double sameLoss = Math.abs(losses.get(0) - losses.get(1));
    double otherLoss = Math.abs(losses.get(0) - losses.get(2));
    assertTrue(sameLoss <= 0.1 * otherLoss + 1e-4, "losses " + losses);
  }

  private static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }
}
