namespace Repatriation.Storage;

/// <summary>Marker for the storage layer's assembly.</summary>
public static class StorageAssembly;
