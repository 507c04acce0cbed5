package dev.tributary.gameapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbCommandTest {
  @Test
  void readsTheSeedsLines() {
    AbCommand command =
        AbCommand.parse(
            "docker-compose exec mids ab -n 10 -H \"Host: user1.comcast.com\" http://localhost:5000/purchase_a_sword");
    assertEquals(
        new AbCommand(
            10,
            1,
            Map.of("Host", "user1.comcast.com"),
            URI.create("http://localhost:5000/purchase_a_sword")),
        command);
    assertEquals(
        URI.create("http://127.0.0.1:41234/purchase_a_sword"),
        command.against(URI.create("http://127.0.0.1:41234")).url());
  }

  @Test
  void theCommittedSeedScriptHasItsElevenCommandsAnd128Requests() throws Exception {
    List<AbCommand> commands =
        GameLoad.readScript(Path.of("..", "test-data", "game", "seed-ab-commands.txt"));
    assertEquals(11, commands.size());
    assertEquals(128, commands.stream().mapToInt(AbCommand::requests).sum());
  }

  @Test
  void refusalsNameTheProblem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AbCommand.parse("ab -n ten http://localhost/"));
    assertEquals("'ten' is not a number in: ab -n ten http://localhost/", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AbCommand.parse("ab -k http://x/"));
    assertThrows(IllegalArgumentException.class, () -> AbCommand.parse("curl http://x/"));
    assertThrows(IllegalArgumentException.class, () -> AbCommand.parse("ab -n 3"));
  }
}
