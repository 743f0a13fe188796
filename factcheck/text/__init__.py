"""text: what every stage needs to read text: folding with offsets, sentences, tense, the vocabulary of properties, names of entities."""
