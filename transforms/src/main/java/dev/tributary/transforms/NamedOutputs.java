package dev.tributary.transforms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The outputs of a domain's analysis as Beam sees them: each collection under its name, in a fixed
 * order. A domain's outputs class extends it with typed accessors.
 */
public abstract class NamedOutputs implements POutput {
  private final Pipeline pipeline;
  private final Map<String, PCollection<?>> outputs;

  protected NamedOutputs(Pipeline pipeline, Map<String, ? extends PCollection<?>> outputs) {
    this.pipeline = pipeline;
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    outputs.forEach((name, collection) -> all.put(new TupleTag<>(name), collection));
    return all;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
