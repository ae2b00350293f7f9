using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Platform.Hosting;

/// <summary>Errors with rich details (google.rpc.Status) that clients can read field by field.</summary>
public static class RpcErrors
{
    /// <summary>
    /// INVALID_ARGUMENT for a validation message of the form "field: what is wrong", with a google.rpc.BadRequest
    /// detail naming the field.
    /// </summary>
    public static RpcException InvalidArgument(string message)
    {
        var separator = message.IndexOf(": ", StringComparison.Ordinal);
        var field = separator > 0 ? message[..separator] : string.Empty;
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = message } },
                }),
            },
        };
        return status.ToRpcException();
    }
}
