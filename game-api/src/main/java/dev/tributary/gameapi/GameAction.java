package dev.tributary.gameapi;

/**
 * The seed's game actions: each a GET path, the event type it records and what the API answers once
 * the event is stored.
 */
public enum GameAction {
  DEFAULT("/", "default", "This is the default response!"),
  PURCHASE_SWORD("/purchase_a_sword", "purchase_sword", "Sword Purchased!"),
  PURCHASE_SHIELD("/purchase_a_shield", "purchase_shield", "Shield Purchased!"),
  PURCHASE_KNIFE("/purchase_a_knife", "purchase_knife", "Knife Purchased!"),
  UPGRADE_SWORD("/upgrade_a_sword", "upgrade_sword", "Sword Upgraded!"),
  UPGRADE_SHIELD("/upgrade_a_shield", "upgrade_shield", "Shield Upgraded!");

  private final String path;
  private final String eventType;
  private final String response;

  GameAction(String path, String eventType, String response) {
    this.path = path;
    this.eventType = eventType;
    this.response = response;
  }

  public String path() {
    return path;
  }

  public String eventType() {
    return eventType;
  }

  public String response() {
    return response;
  }
}
