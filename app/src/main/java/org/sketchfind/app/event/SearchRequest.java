package org.sketchfind.app.event;

/** Asks the Search page to search with a photo of the collection ("more like this"). */
public record SearchRequest(long photoId, String photoName) {
}
