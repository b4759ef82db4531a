package io.meerkat.xml;

/** A child of an {@link XmlElement}: another element or a run of character data. */
public sealed interface XmlNode permits XmlElement, XmlText {}
