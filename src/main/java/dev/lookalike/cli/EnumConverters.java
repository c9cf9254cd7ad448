package dev.lookalike.cli;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.encoder.DeviceChoice;
import dev.lookalike.eval.EvaluationSources;
import dev.lookalike.eval.EvaluationSplit;
import dev.lookalike.training.LearningRateSchedule;
import dev.lookalike.training.Variant;
import picocli.CommandLine.ITypeConverter;

/**
 * Picocli converters for the options with a fixed set of values: each delegates to the enum's own
 * case-insensitive {@code parse}, whose error lists what is allowed.
 */
final class EnumConverters {

  private EnumConverters() {}

  static final class VariantConverter implements ITypeConverter<Variant> {
    @Override
    public Variant convert(String value) {
      return Variant.parse(value);
    }
  }

  static final class BinarizerConverter implements ITypeConverter<BinarizerMethod> {
    @Override
    public BinarizerMethod convert(String value) {
      return BinarizerMethod.parse(value);
    }
  }

  static final class DenseCodeConverter implements ITypeConverter<DenseCode> {
    @Override
    public DenseCode convert(String value) {
      return DenseCode.parse(value);
    }
  }

  static final class SplitConverter implements ITypeConverter<EvaluationSplit> {
    @Override
    public EvaluationSplit convert(String value) {
      return EvaluationSplit.parse(value);
    }
  }

  static final class MatchConverter implements ITypeConverter<EvaluationSources.Match> {
    @Override
    public EvaluationSources.Match convert(String value) {
      return EvaluationSources.Match.parse(value);
    }
  }

  static final class ScheduleConverter implements ITypeConverter<LearningRateSchedule> {
    @Override
    public LearningRateSchedule convert(String value) {
      return LearningRateSchedule.parse(value);
    }
  }

  static final class DeviceConverter implements ITypeConverter<DeviceChoice> {
    @Override
    public DeviceChoice convert(String value) {
      return DeviceChoice.parse(value);
    }
  }
}
