package dev.tributary.io;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * The display data of every transform of a pipeline, composite or primitive, as runners show it.
 */
final class ShownDisplayData {
  private ShownDisplayData() {}

  /** Every transform's display data, one transform a line. */
  static String of(Pipeline pipeline) {
    StringBuilder shown = new StringBuilder();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            if (node.getTransform() != null) {
              shown.append(DisplayData.from(node.getTransform())).append('\n');
            }
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            shown.append(DisplayData.from(node.getTransform())).append('\n');
          }
        });
    return shown.toString();
  }
}
