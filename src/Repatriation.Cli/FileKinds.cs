using System.Runtime.InteropServices;

namespace Repatriation.Cli;

internal enum FileKind { Missing, Regular, Directory, Pipe, CharacterDevice, BlockDevice, Socket, Other }

/// <summary>
/// What a path names once links are followed: a regular file, a folder, or something that only looks like a file
/// to <see cref="File.Exists"/> (a named pipe that blocks the reader forever, /dev/zero that never ends). .NET does
/// not expose the file type, so on Unix this asks the runtime's own native layer (System.Native, which every .NET
/// process on Unix loads) for stat's mode bits; elsewhere it answers null and callers fall back to bounded reading.
/// </summary>
internal static class FileKinds
{
    // System.Native's FileStatus begins with int Flags, int Mode; the buffer is larger than the whole struct.
    private const int StatusBytes = 256;
    private const int TypeMask = 0xF000;

    private static bool _unavailable = !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD());

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for the project; one plain call does not.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
#pragma warning restore SYSLIB1054

    public static FileKind? Of(string path)
    {
        if (_unavailable)
        {
            return null;
        }

        try
        {
            return StatKind(path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }
    }

    private static FileKind StatKind(string path)
    {
        var status = new byte[StatusBytes];
        if (Stat(path, status) != 0)
        {
            // ENOENT and a dangling link alike: nothing readable is there.
            return FileKind.Missing;
        }

        var mode = BitConverter.ToInt32(status, 4);
        return (mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Pipe,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pipe => "a named pipe",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.Missing => "missing",
        _ => "a special file",
    };
}
