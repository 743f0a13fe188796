"""sources: the documents under seeds/ and their manifest, read byte for byte."""
