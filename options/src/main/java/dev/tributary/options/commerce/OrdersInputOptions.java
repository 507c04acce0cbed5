package dev.tributary.options.commerce;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a batch commerce pipeline reads its orders. */
public interface OrdersInputOptions extends PipelineOptions {
  @TemplateParameter(
      order = 1,
      label = "Orders",
      helpText =
          "Orders as CSV files with a header (order_id,customer_id,category,product,quantity,unit_price,"
              + "amount,payment_method,city,timestamp): a file or a glob, local or hdfs://.",
      example = "hdfs://namenode:8020/landing/commerce/*.csv",
      type = ParameterType.FILE_PATH,
      optional = false)
  @Description(
      "Orders as CSV with a header (order_id,customer_id,category,product,quantity,unit_price,amount,"
          + "payment_method,city,timestamp): a file or a glob, local or hdfs://. Defaults to the committed sample.")
  @Default.String("test-data/commerce/sample/orders.csv")
  String getOrders();

  void setOrders(String value);
}
