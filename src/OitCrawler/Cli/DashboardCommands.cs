using System.CommandLine;
using OitCrawler.Dashboard;

namespace OitCrawler.Cli;

/// <summary><c>hash-password</c>: makes the salted hash that <c>Dashboard:Users</c> holds, so no password is written in a settings file.</summary>
internal static class DashboardCommands
{
    public static Command Create(CliContext cli)
    {
        var command = new Command(
            "hash-password",
            "อ่านรหัสผ่านจาก standard input แล้วพิมพ์แฮชสำหรับ Dashboard:Users\nreads a password from standard input; prints the hash for Dashboard:Users");
        command.SetAction(_ => HashPassword(Console.In, cli.Say));
        return command;
    }

    public static int HashPassword(TextReader stdin, Say say)
    {
        var password = stdin.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            throw new UsageException(
                "hash-password: รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร อ่านจาก standard input เช่น oitcrawler hash-password < password.txt",
                "hash-password: the password must be at least 8 characters, read from standard input, e.g. oitcrawler hash-password < password.txt");
        }

        say.Out.WriteLine(PasswordHash.Create(password));
        return ExitCodes.Ok;
    }
}
