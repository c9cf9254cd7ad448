package dev.lookalike.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** {@code train --device}: what each choice resolves to with and without a visible GPU. */
class DeviceChoiceTest {

  @Test
  void autoTakesAGpuWhenTheEngineSeesOne() {
    assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve(0));
    assertEquals(Device.gpu(), DeviceChoice.AUTO.resolve(2));
    assertEquals(Device.cpu(), DeviceChoice.CPU.resolve(2), "cpu stays on the CPU");
    assertEquals(Device.gpu(), DeviceChoice.GPU.resolve(1));
  }

  @Test
  void gpuIsRefusedClearlyWhenNoneIsVisible() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.GPU.resolve(0));
    assertTrue(refused.getMessage().contains("sees no GPU"), refused.getMessage());
    assertTrue(refused.getMessage().contains("Training on a GPU"), refused.getMessage());
  }

  @Test
  void parsesInAnyCaseAndNamesTheChoices() {
    assertEquals(DeviceChoice.GPU, DeviceChoice.parse("GPU"));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
    assertTrue(bad.getMessage().contains("auto, cpu or gpu"), bad.getMessage());
  }
}
