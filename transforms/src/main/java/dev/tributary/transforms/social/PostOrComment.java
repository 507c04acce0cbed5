package dev.tributary.transforms.social;

import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** A post or a comment, keyed together by post id so that comments can meet their post. */
@DefaultSchema(JavaFieldSchema.class)
public final class PostOrComment {
  public final @Nullable Post post;
  public final @Nullable Comment comment;

  @SchemaCreate
  public PostOrComment(@Nullable Post post, @Nullable Comment comment) {
    this.post = post;
    this.comment = comment;
  }

  public static PostOrComment of(Post post) {
    return new PostOrComment(post, null);
  }

  public static PostOrComment of(Comment comment) {
    return new PostOrComment(null, comment);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostOrComment other
        && Objects.equals(post, other.post)
        && Objects.equals(comment, other.comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(post, comment);
  }
}
