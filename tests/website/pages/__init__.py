"""What visitors get on every page: addresses, navigation, forms, pictures, video, documents, slugs."""
